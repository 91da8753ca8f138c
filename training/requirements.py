"""What a model package ships of vner and what it must declare.

A function the pipeline's config references that lives in vner (the
syllable tokenizer, the rules-stage components) is copied into the package
as a code file, so the package needs no vner. Each such module imports only
the standard library, spaCy and what it names in its ``REQUIRES`` tuple of
distributions; the import contracts of ``pyproject.toml`` (checked in CI)
keep it free of vner imports.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Iterator

from vner.core.errors import VnerError


def _config_functions(config) -> Iterator[tuple[str, str]]:
    """(registry, name) of every registered function the pipeline needs at load time."""
    from spacy import util

    for section in ("nlp", "components"):
        for path, value in util.walk_dict(config.get(section, {})):
            if path[-1].startswith("@"):
                yield path[-1][1:], value
    for component in config.get("components", {}).values():
        if "factory" in component:
            yield "factories", component["factory"]


def _module_of(registry_name: str, func_name: str, lang: str) -> str:
    from catalogue import RegistryError
    from spacy import util

    for candidate in (f"{lang}.{func_name}", func_name):
        try:
            return util.registry.find(registry_name, candidate).get("module") or ""
        except RegistryError:
            continue
    raise VnerError(
        "Pipeline needs an unknown function",
        f"@{registry_name} = {func_name!r} is not registered",
        "Install or import the package that registers it before packaging.",
    )


def version_range(dist: str) -> str:
    """``dist`` with the installed minor version range, as spaCy pins its own."""
    from spacy import util

    version = util.get_package_version(dist)
    return f"{dist}{util.get_minor_version_range(version)}" if version else dist


def custom_code(config) -> tuple[list[Path], list[str]]:
    """Code files to ship with the package, and the requirements they declare.

    >>> from vner.model.nlp import make_nlp
    >>> code, reqs = custom_code(make_nlp("syllable").config)
    >>> [p.name for p in code], reqs
    (['tokenizer.py'], [])
    >>> from vner.annotation.rules import rules_pipeline
    >>> [p.name for p in custom_code(rules_pipeline().config)[0]]
    ['tokenizer.py', 'ruler.py', 'helpers.py', 'orgs.py', 'persons.py', 'resolver.py']
    >>> custom_code(make_nlp("pyvi").config)[1]
    ['pyvi>=0.1.1,<0.2.0']
    """
    lang = config["nlp"]["lang"]
    code: dict[str, Path] = {}
    requirements: dict[str, str] = {}
    for registry_name, func_name in _config_functions(config):
        module_name = _module_of(registry_name, func_name, lang)
        if module_name.split(".")[0] != "vner":
            continue
        module = importlib.import_module(module_name)
        path = Path(module.__file__)
        if path.stem in code and code[path.stem] != path:
            raise VnerError(
                "Custom code files share a name", f"{code[path.stem]} and {path}",
                "Rename one: code files are copied side by side into the package.",
            )
        declared = getattr(module, "REQUIRES", None)
        if not isinstance(declared, tuple):
            raise VnerError(
                "Custom code declares no requirements", f"{path} has no REQUIRES tuple",
                'Add REQUIRES = () (or the distributions it imports besides spaCy, e.g. ("pyvi",)) to the module.',
            )
        code[path.stem] = path
        requirements.update({dist: version_range(dist) for dist in declared})
    for path in shipped_beside(list(code.values())):
        if path.stem in code and code[path.stem] != path:
            raise VnerError(
                "Custom code files share a name", f"{code[path.stem]} and {path}",
                "Rename one: code files are copied side by side into the package.",
            )
        code[path.stem] = path
    tokenizer = config["nlp"].get("tokenizer", {})
    if tokenizer.get("@tokenizers") == "spacy.vi.VietnameseTokenizer" and tokenizer.get("use_pyvi", True):
        requirements["pyvi"] = version_range("pyvi")  # spaCy's own Vietnamese tokenizer imports it
    return list(code.values()), sorted(requirements.values())


def shipped_beside(code: list[Path]) -> list[Path]:
    """The sibling modules that code files of vner import relatively (their ``SHIPS_WITH``).

    They are copied beside them into the package; `spacy package` does not
    import them on their own (a relative import needs its package).

    >>> from vner.model import ruler
    >>> [p.name for p in shipped_beside([Path(ruler.__file__)])]
    ['helpers.py', 'orgs.py', 'persons.py', 'resolver.py']
    """
    import vner

    root = Path(vner.__file__).resolve().parent
    beside: dict[str, Path] = {}
    for path in code:
        parts = Path(path).resolve().relative_to(root).with_suffix("").parts
        module = importlib.import_module(".".join(("vner", *parts)))
        for name in getattr(module, "SHIPS_WITH", ()):
            beside.setdefault(name, Path(path).with_name(name))
    missing = [str(p) for p in beside.values() if not p.is_file()]
    if missing:
        raise VnerError("Custom code names a missing sibling module", ", ".join(missing), "Fix the SHIPS_WITH of the module.")
    return list(beside.values())


def final_requirements(from_spacy: list[str], ours: list[str]) -> list[str]:
    """spaCy's requirements without vner (its code is shipped), plus ours.

    >>> final_requirements(["vner>=0.1.0,<0.2.0", "spacy>=3.8.18,<3.9.0"], ["pyvi>=0.1.1,<0.2.0"])
    ['spacy>=3.8.18,<3.9.0', 'pyvi>=0.1.1,<0.2.0']
    """
    from spacy.util import split_requirement

    names = {split_requirement(r)[0] for r in ours}
    kept = [r for r in from_spacy if split_requirement(r)[0] not in names | {"vner"}]
    return kept + list(ours)
