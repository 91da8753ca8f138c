"""A Label Studio ML backend for a vner pipeline: predictions with scores,
retraining from the project's annotations, model versions kept in a registry."""
