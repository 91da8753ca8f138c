"""The articles dev sets (training/written/articles_dev*.txt): news-style
passages written by the team, which the rule writers read and tune on.
The rules must keep their score on them; the held-out counterparts are the
challenge set's `news-passages` and `news-passages-2` capabilities."""

from collections import Counter
from pathlib import Path

import pytest

from vner.core.scheme import labels as scheme_labels
from vner.evaluation.challenge import challenge_to_tasks, load_challenge, tasks_json

HERE = Path(__file__).resolve().parents[2] / "training" / "written"
# micro-F1 of rules_pipeline() on each dev set minus 0.03, rounded down. Raise them when the rules improve.
FLOORS = {
    # 74 lines: 0.996 on 2026-12-01 17:12 UTC (0.911 before the rule writers tuned on it)
    "articles_dev.txt": 0.96,
    # 79 lines by another writer: 1.000 on 2026-12-01 17:12 UTC (0.947 with the rules of e3f9bdc, before the
    # rule writer of the fifth session tuned on it)
    "articles_dev_b.txt": 0.97,
    # 88 lines by a third writer (traffic, fire drills, fraud, smuggling, minority names, awards, Q&A):
    # 1.000 on 2026-12-01 17:12 UTC (0.942 with the rules of 860500e, before the seventh session tuned on it)
    "articles_dev_c.txt": 0.97,
    # 93 lines by a fourth writer (ministers' meetings, Cambodian and Chinese delegations, ASEANAPOL,
    # currencies, capitals): 1.000 on 2026-12-01 17:12 UTC (0.952 before the seventh session's tuning)
    "articles_dev_d.txt": 0.97,
    # 101 lines by a fifth writer, 142 PERSON spans (names with no cue, given names alone, foreign names):
    # 0.900 on 2026-12-01 17:12 UTC (0.802 before the seventh session's tuning); 0.973 on 19:12 UTC (session 8); 0.981
    # on 21:52 UTC (session 9a: names handed over)
    "articles_dev_e.txt": 0.95,
    # 84 lines by a sixth writer in many outlets' forms: 0.953 on 2026-12-01 17:12 UTC (0.925 before); 0.984 on
    # 19:12 UTC (session 8; the lead had taken provincial unit codes alone, "PC04", out of its ORG gold: rule 3);
    # 0.990 on 19:26 UTC (border posts named by communes)
    "articles_dev_f.txt": 0.96,
    # 90 lines by a seventh writer, 160 PERSON spans in running text (given names after verbs and prepositions,
    # coordinated, in lists; minority, Lao, Khmer, Thai and Chinese names; nicknames; credits): 0.962 on
    # 2026-12-01 19:12 UTC (0.742 before the eighth session's tuning); 0.972 on 19:38 UTC (second writer of session 8)
    "articles_dev_g.txt": 0.94,
    # 80 lines by an eighth writer, organisations, provinces and quantities in unseen forms (companies, merged
    # provinces, headlines in title case, addresses that are no ORG): 0.995 on 19:12 UTC (0.950 before)
    "articles_dev_h.txt": 0.96,
    # 95 lines by a ninth writer: twelve everyday articles written without aiming at any rule (talks, hand-overs,
    # trials, border briefs with credits in brackets): 1.000 on 2026-12-01 19:38 UTC (0.938 with the session-start
    # rules, 0.958 before the second rule writer of session 8 tuned on it)
    "articles_dev_i.txt": 0.97,
    # 88 lines by a tenth writer: thirteen everyday articles from the outlets and regions the other sets used least
    # (border-guard paper, north-east and Central Highlands portals, Mekong provinces; bylines in capitals, Gia Rai
    # names, Lao provinces hyphenated): 0.984 on 2026-12-01 19:54 UTC (0.939 with the session-start rules, 0.954
    # before the third rule writer of session 8 tuned on it); 0.991 on 20:05 UTC
    "articles_dev_j.txt": 0.96,
    # 99 lines by an eleventh writer: the foreign side of the cooperation (Lao, Khmer, Chinese, Thai, Burmese names
    # and provinces in every spelling; foreign ministries, police and units; a trial of Chinese defendants): 0.989 on
    # 2026-12-01 21:36 UTC (0.958 with the session-start rules, also before the first rule writer of session 9 tuned
    # on it); 0.995 on 21:52 UTC
    "articles_dev_k.txt": 0.96,
    # 88 lines by a twelfth writer: long official prose and round-ups (participant lists with long titles, customs,
    # courts, statistics dense with numbers, award lists with foreign officers): 0.970 with the session-start rules and
    # on 2026-12-01 22:01 UTC, before the second rule writer of session 9 tuned on it; 0.990 on 22:30 UTC
    "articles_dev_l.txt": 0.96,
    # 80 lines by a thirteenth writer: case reports of drug and smuggling arrests in border provinces (aliases,
    # given names alone, seized goods, bylines): 0.964 on 2026-12-01 22:01 UTC, before session 9b tuned on it;
    # 0.980 on 22:47 UTC
    "articles_dev_m.txt": 0.95,
    # 86 lines by a fourteenth writer: diplomacy and ceremony at ministry level (title-case and capital headlines,
    # Party and State titles, embassies, police hospitals and schools): 0.935 on 2026-12-01 22:01 UTC, before session
    # 9b tuned on it; 0.977 on 22:30 UTC
    "articles_dev_n.txt": 0.94,
    # 91 lines by a fifteenth writer: the Chinese side of the cooperation and the provinces' civil bodies (public
    # security bureaus and sub-bureaus of prefectures and counties, border management stations, Hán-Việt and pinyin
    # names; People's Committees, Party committees, the Front, foreign affairs offices, regional courts and procuracies,
    # verdicts, twinned provinces' minutes): 0.941 with the session-start rules, 0.944 with the rules of 2026-12-01
    # 22:59 UTC, before the third rule writer of session 9 tuned on it; 0.985 on 23:16 UTC (scores on the gold of
    # 232a8f2)
    "articles_dev_o.txt": 0.95,
    # 85 lines by a sixteenth writer: everyday provincial news after the reform of 1 July 2025 (commune and ward police,
    # numbered communes, former provinces and districts, a merged provincial police's departments, cross-border cases,
    # Khmer, Lao, Korean and highland names): 0.969 with the session-start rules, before the first rule writer of session
    # 10 tuned on it; 0.986 on 2026-12-02 00:55 UTC
    "articles_dev_p.txt": 0.95,
    # 107 lines by a seventeenth writer: wire bulletins, interviews, commentary and photo reportage (briefs pages,
    # outlets in leads and credits, bylines in many forms, speaker labels, regional units and channels): 0.959 with the
    # session-start rules, before the first rule writer of session 10 tuned on it; 0.975 on 2026-12-02 00:55 UTC
    "articles_dev_q.txt": 0.94,
    # 91 lines by an eighteenth writer: Cambodia and the south (rescues from fraud compounds, Cambodian commissariats in
    # transcription and Latin script, Khmer names in both spellings, twinned provinces' talks): 0.958 with the
    # session-start rules, before the second rule writer of session 10 tuned on it; 0.972 on 2026-12-02 01:52 UTC
    "articles_dev_r.txt": 0.94,
    # 92 lines by a nineteenth writer: Laos (training courses, awards, Lao provinces in every spelling, Lao and highland
    # names): 0.969 with the session-start rules, before the second rule writer of session 10 tuned on it; 0.969 on
    # 2026-12-02 01:52 UTC
    "articles_dev_s.txt": 0.94,
    # 87 lines by a twentieth writer, ten whole articles (drug busts, talks with China, a Lao cadres' course, rescues
    # from fraud compounds, a trafficking verdict, a patrol, annual talks, awards, smuggling, cyber fraud): 0.984 with
    # the session-start rules, before the rule writers of session 13 got the lead's sentences on its kinds; 0.998 after
    "articles_dev_x.txt": 0.95,
    # 86 lines by a twenty-first writer, ten whole articles (a fraud compound in Cambodia, a plan signed with the
    # Lao ministry, medals, smuggling across a river, trafficking on the Chinese border, a graduation, weapons,
    # counterfeit money, a brief, an interview): 0.977 with the session-start rules, before the rule writers of
    # session 14 got the lead's sentences on its kinds
    "articles_dev_y.txt": 0.94,
    # 91 lines by a twenty-second writer, ten whole articles in the forms of several outlets (border-guard reports, the
    # police paper, northern provinces facing China, the Mekong delta with Cambodia, a court report, a round-up):
    # 0.988 with the session-start rules (0.986 per article), before the rule writers of session 15 got the lead's
    # sentences on its kinds
    "articles_dev_z.txt": 0.95,
    # 97 lines by a twenty-third writer, ten whole articles with the foreign partners in front (Lao, Cambodian and
    # Chinese delegations, cases and graduates; a year-end review; an interview): 0.991 with the session-start rules
    # (0.995 per article), before session 15's rule writers
    "articles_dev_za.txt": 0.96,
    # 95 lines by a twenty-fourth writer, ten whole articles of talks and reviews between border provinces and their
    # Lao or Cambodian counterparts, north to south: 0.985 with the session-start rules (0.985 per article), before
    # the third rule writer of session 15 got the lead's sentences on its kinds
    "articles_dev_zb.txt": 0.95,
    # 97 lines by a twenty-fifth writer, ten whole articles on cases (fraud from Cambodia, trafficking, smuggling,
    # weapons, a fugitive, gold, a long drug case, an appeal, a commendation, briefs): 0.977 with the session-start
    # rules (0.988 per article), before the rule writers of session 16 got the lead's sentences on its kinds
    "articles_dev_zc.txt": 0.95,
    # 95 lines by a twenty-sixth writer, ten whole articles of district and party/state reporting (villages, twin
    # villages across the Lao border, a steering committee, delegations, an anniversary, captions): 0.969 with the
    # session-start rules (0.962 per article: village names read as persons), before session 16's rule writers
    "articles_dev_zd.txt": 0.94,
    # 90 lines by a twenty-seventh writer, ten whole articles on cooperation with Laos (talks, a seizure day by day, a
    # minister's visit, medals, markers, a handover, a course, a court, briefs): 0.977 (0.982 per article) with the
    # rules before session 16's third rule writer got the lead's sentences on its kinds (datelines marked by the lead)
    "articles_dev_ze.txt": 0.95,
    # 89 lines by a twenty-eighth writer, ten whole articles on Cambodia, China and national police news: 0.976 (0.978
    # per article) with the rules before session 16's third rule writer got the lead's sentences on its kinds
    "articles_dev_zf.txt": 0.95,
    # 91 lines by a twenty-ninth writer, ten whole articles in the shape of a month of ordinary cooperation news:
    # 0.984 with the session-start rules (0.986 per article), before the rule writers of session 17 got the lead's
    # sentences on its kinds
    "articles_dev_zg.txt": 0.95,
    # 90 lines by a thirtieth writer, ten whole articles of ministers, signings, medals and foreign delegations: 0.974
    # (0.975 per article) with the session-start rules, before session 17's rule writers
    "articles_dev_zh.txt": 0.94,
    # 103 lines by a thirty-first writer, ten whole articles in the less formulaic genres (an interview, a portrait,
    # reportage, an opinion piece, a photo story): 0.953 (0.953 per article) with the session-start rules (short forms
    # of given names, Latin-script Lao names, unions of named bodies), before session 17's rule writers
    "articles_dev_zj.txt": 0.92,
    # 96 lines by a thirty-second writer, ten whole articles dense with numbers and people (seizures, smuggling,
    # wildlife, counterfeits, weapons, a crossing, a trial, laundering, a campaign in figures): 0.959 (0.969 per
    # article) with the session-start rules, before session 17's third rule writer got the lead's sentences
    "articles_dev_zi.txt": 0.93,
    # 87 lines by a thirty-third writer, ten whole articles of grassroots cooperation (twin villages, handovers, a
    # course, donations, a river patrol, remains, sports, a hotline meeting, a review, a consul's visit): 0.977 (0.978
    # per article) with the session-start rules, before the rule writers of session 18 got the lead's sentences
    # (after session 18's rule writers: 0.996 per line)
    "articles_dev_zk.txt": 0.97,
    # 94 lines by a thirty-fourth writer, ten whole articles in ten forms (a TV script, an interview, a timeline, points
    # under a headline in capitals, awards, a wanted notice, a verdict, a brief, a portrait, a ministers' meeting):
    # 0.985 (0.986 per article) with the session-start rules, before session 18's rule writers
    # (after session 18's rule writers: 0.991 per line)
    "articles_dev_zl.txt": 0.97,
    # 94 lines by a thirty-fifth writer, ten whole articles from the legal and press side (a press conference, an
    # indictment, a trial and an appeal, an extradition, fraud victims sought, a decree, a seizure at sea, a wanted
    # notice, statistics, a brief): 0.960 (0.967 per article) with the session-start rules, before session 18's fourth
    # rule writer got the lead's sentences on its kinds
    # (after session 18's rule writers: 0.981 per line)
    "articles_dev_zm.txt": 0.95,
    # 100 lines by a thirty-sixth writer, ten whole articles from the southern and central borders and the sea (Khmer,
    # Central Highlands and Thai names; Cambodian provinces; boats, cattle, casinos): 0.962 (0.969 per article) with
    # the session-start rules, before session 18's fourth rule writer
    # (after session 18's rule writers: 0.974 per line)
    "articles_dev_zn.txt": 0.95,
    # ten whole articles each by four writers of session 19 who saw no rules: ZO the northern border with China
    # (91 lines), ZP the national and institutional side (91), ZQ numbers of every kind (94), ZR Laos as a whole (95):
    # 0.969, 0.973, 0.988, 0.978 per line with the session-start rules, before session 19's four rule writers got the
    # lead's sentences on their kinds (after them: 0.995, 0.994, 0.998, 0.993)
    "articles_dev_zo.txt": 0.97,
    "articles_dev_zp.txt": 0.97,
    "articles_dev_zq.txt": 0.97,
    "articles_dev_zr.txt": 0.97,
    # ten whole articles each by nine writers of session 23 who saw no rules and no other set: ZS Laos's provincial
    # partners in the seeds' form (91 lines), ZT Cambodian and Chinese partners (85), ZU cross-border drug cases (88),
    # ZV ministries and multilateral meetings (95), ZW a month of a border province's police portal (96), ZX trafficking
    # and rescues (98), ZY wire dispatches and briefs (74), ZZ features and interviews (107), ZZA the south-western
    # border (89): per line 0.997, 0.992, 0.983, 0.980, 0.959, 0.963, 0.982, 0.956, 0.977 with the session-start rules
    # (per article, all 90 together: 0.982; PERSON 0.968, ORG 0.976, QUANTITY 0.991), before the lead mended the rules
    # on their errors (after: 1.000, 0.999, 0.987, 0.992, 0.981, 0.975, 0.984, 0.970, 0.990 at the session's end; all
    # together per article 0.991)
    "articles_dev_zs.txt": 0.97,
    "articles_dev_zt.txt": 0.96,
    "articles_dev_zu.txt": 0.95,
    "articles_dev_zv.txt": 0.96,
    "articles_dev_zw.txt": 0.95,
    "articles_dev_zx.txt": 0.94,
    "articles_dev_zy.txt": 0.95,
    "articles_dev_zz.txt": 0.94,
    "articles_dev_zza.txt": 0.95,
    # ten whole articles each by five more writers of session 23, written while the rules were mended on the nine sets
    # above: ZZB a police portal's activities and awards (83 lines), ZZC attendance lists of provinces' talks (106), ZZD
    # courts and indictments (92), ZZE the border-guard paper (90), ZZF the Lao and Cambodian side (85): per line 0.976,
    # 0.977, 0.943, 0.974, 0.969 with the session-start rules and 0.976, 0.982, 0.945, 0.976, 0.970 with those mended
    # on ZS-ZZA (per article, all 50 together: 0.975 and 0.977), before the lead mended the rules on their own errors
    # (after: 0.989, 0.991, 0.955, 0.986, 0.990; all together per article 0.990)
    "articles_dev_zzb.txt": 0.95,
    "articles_dev_zzc.txt": 0.96,
    "articles_dev_zzd.txt": 0.92,
    "articles_dev_zze.txt": 0.95,
    "articles_dev_zzf.txt": 0.96,
    # ten whole articles each by five more writers of session 23, written while the rules were mended on ZS-ZZF: ZZG
    # year-end reviews in figures (88 lines), ZZH customs, rangers and other agencies (80), ZZI short items and photo
    # news (96), ZZJ the Mekong, rivers and the sea (100), ZZK the Golden Triangle, Thailand and Myanmar (91): per line
    # 0.995, 0.937, 0.983, 0.911, 0.968 with the session-start rules and 0.996, 0.938, 0.989, 0.911, 0.970 with those
    # mended on ZS-ZZF (per article, all 50 together: 0.963 and 0.965), before the lead mended the rules on their own
    # errors (after: 0.999, 0.989, 0.999, 0.974, 0.978; all together per article 0.990)
    "articles_dev_zzg.txt": 0.96,
    "articles_dev_zzh.txt": 0.96,
    "articles_dev_zzi.txt": 0.96,
    "articles_dev_zzj.txt": 0.94,
    "articles_dev_zzk.txt": 0.94,
    # ten whole articles each by five writers of session 24: ZZL wanted notices and hand-overs of fugitives (92 lines),
    # ZZN online fraud and scam compounds (88), ZZO provincial leaders' visits (85), ZZP police schools, sport and art
    # (90), ZZQ news bulletins (93): per line 0.972, 0.978, 0.991, 0.959, 0.992 with the session-start rules (per
    # article, all 50 together: 0.983), before the lead mended the rules on their errors (after: 0.980, 0.984, 0.994,
    # 0.988, 1.000; all together per article 0.994)
    "articles_dev_zzl.txt": 0.95,
    "articles_dev_zzn.txt": 0.95,
    "articles_dev_zzo.txt": 0.96,
    "articles_dev_zzp.txt": 0.95,
    "articles_dev_zzq.txt": 0.97,
    # ten whole articles each by five more writers of session 24, written while the rules were mended on ZZL-ZZQ: ZZT
    # ASEAN and Mekong meetings (93 lines), ZZU the south-west border's economic crime (90), ZZV the army paper (91),
    # ZZW highland provincial papers (97), ZZX drug cases told step by step (93): per line 0.935, 0.991, 0.945, 0.992,
    # 0.965 with the session-start rules (per article, all 50 together: 0.972, and 0.972 with the rules mended on
    # ZZL-ZZQ), before the lead mended the rules on their errors (after: 0.984, 0.996, 0.999, 0.994, 0.965; all
    # together per article 0.995)
    "articles_dev_zzt.txt": 0.95,
    "articles_dev_zzu.txt": 0.96,
    "articles_dev_zzv.txt": 0.96,
    "articles_dev_zzw.txt": 0.96,
    "articles_dev_zzx.txt": 0.93,
    # ten whole articles each by four writers of session 25: ZZY the Ministry's leadership and its foreign guests (89
    # lines), ZZZ drug seizures on the north-central border with Laos (86), ZZZA training and aid for Lao and
    # Cambodian police (89), ZZZB police cooperation with Guangxi and Yunnan (87): per line 0.990, 0.982, 0.982, 0.986
    # with the session-start rules (per article, all 40 together: 0.989), before the lead mended the rules on their
    # errors (after: 0.997, 0.982, 0.998, 0.993; all together per article 0.998)
    "articles_dev_zzy.txt": 0.96,
    "articles_dev_zzz.txt": 0.95,
    "articles_dev_zzza.txt": 0.96,
    "articles_dev_zzzb.txt": 0.96,
    # ten whole articles each by five writers of session 27: ZZZC fire-and-rescue police across the borders (115 lines),
    # ZZZD traffic police and foreign vehicles (110), ZZZE wildlife, timber and contraband (111), ZZZF photo reports
    # and e-magazines, credits and Q&A (118), ZZZG high-tech crime and money in many currencies (112): per line 0.981,
    # 0.956, 0.976, 0.982, 0.958 with the session-start rules (per article, all 50 together: 0.977), before the lead
    # mended the rules on their errors (after: 0.998, 0.994, 0.989, 0.988, 0.984; all together per article 0.998)
    "articles_dev_zzzc.txt": 0.96,
    "articles_dev_zzzd.txt": 0.96,
    "articles_dev_zzze.txt": 0.95,
    "articles_dev_zzzf.txt": 0.95,
    "articles_dev_zzzg.txt": 0.95,
    # ten whole articles each by five more writers of session 27 (second round): ZZZH weapons and explosives (110
    # lines), ZZZI press briefings and statistics (101), ZZZJ sports, culture and unions' exchanges (108), ZZZK exit-entry
    # and foreigners (112), ZZZL prisons and judicial assistance (112): per line 0.984, 0.995, 0.976, 0.943, 0.960 with
    # the session-start rules (per article, all 50 together: 0.978; 0.979 with the rules of the first round), before
    # the lead mended the rules on their errors (after: 0.990, 0.999, 0.994, 0.986, 0.986; all together per article
    # 0.996)
    "articles_dev_zzzh.txt": 0.96,
    "articles_dev_zzzi.txt": 0.96,
    "articles_dev_zzzj.txt": 0.96,
    "articles_dev_zzzk.txt": 0.95,
    "articles_dev_zzzl.txt": 0.95,
    # ten whole articles each by fifteen writers of session 28, in three rounds. First: ZZZM guest lists of receptions
    # (109 lines), ZZZN commune police after the 2025 reorganisation (114), ZZZO commentary and legal Q&A (131), ZZZP
    # citizens abroad and foreigners (107), ZZZQ broadcast scripts (112): per line 0.985, 0.984, 0.982, 0.955, 0.966
    # with the session-start rules (per article, all 50 together: 0.978). Second: ZZZR interviews (110), ZZZS forensic
    # and medical cooperation (107), ZZZT awards (101), ZZZU live blogs and timelines (120), ZZZV police notices (115):
    # 0.986, 0.971, 0.990, 0.986, 0.980 (per article 0.986). Third, in the genres of the selection sets: ZZZW Lao
    # provinces' talks (109), ZZZX ministry-level meetings (103), ZZZY drugs on the Cambodian border (103), ZZZZ the
    # Chinese border (110), ZZZZA a highland police portal (114): 0.998, 0.995, 0.982, 0.983, 0.981 (per article
    # 0.992). The lead mended the rules on their errors after each round (after: 0.988, 0.992, 0.994, 0.985, 0.990;
    # 0.992, 0.988, 0.997, 0.989, 0.987; 0.999, 0.995, 0.982, 0.989, 0.990; per article 0.992, 0.993, 0.995)
    "articles_dev_zzzm.txt": 0.96,
    "articles_dev_zzzn.txt": 0.96,
    "articles_dev_zzzo.txt": 0.96,
    "articles_dev_zzzp.txt": 0.96,
    "articles_dev_zzzq.txt": 0.96,
    "articles_dev_zzzr.txt": 0.96,
    "articles_dev_zzzs.txt": 0.96,
    "articles_dev_zzzt.txt": 0.96,
    "articles_dev_zzzu.txt": 0.96,
    "articles_dev_zzzv.txt": 0.96,
    "articles_dev_zzzw.txt": 0.96,
    "articles_dev_zzzx.txt": 0.96,
    "articles_dev_zzzy.txt": 0.96,
    "articles_dev_zzzz.txt": 0.96,
    "articles_dev_zzzza.txt": 0.96,
    # a fourth round of session 28, again in the selection sets' genres: ZZZZB drugs from Laos (102 lines), ZZZZC
    # talks with Cambodian provinces (108), ZZZZD with Chinese ones (106), ZZZZE national news (112), ZZZZF border
    # guards (102): 0.974, 0.978, 0.996, 0.980, 0.979 with the session-start rules (per article 0.986), after the lead
    # mended the rules 0.974, 0.994, 0.996, 0.982, 0.991 (per article 0.992)
    "articles_dev_zzzzb.txt": 0.95,
    "articles_dev_zzzzc.txt": 0.96,
    "articles_dev_zzzzd.txt": 0.96,
    "articles_dev_zzzze.txt": 0.96,
    "articles_dev_zzzzf.txt": 0.96,
    # a fifth round: ZZZZG Quảng Trị and Huế with southern Laos (106 lines), ZZZZH the police paper's international
    # pages (101), ZZZZI Tây Ninh and An Giang with Cambodia (103), ZZZZJ Lạng Sơn and Quảng Ninh with Guangxi (106),
    # ZZZZK a week of mixed outlets (97): 0.987, 0.994, 0.988, 0.982, 0.985 with the session-start rules (per article
    # 0.992), after mending 0.988, 0.996, 0.990, 0.988, 0.989 (per article 0.996)
    "articles_dev_zzzzg.txt": 0.96,
    "articles_dev_zzzzh.txt": 0.96,
    "articles_dev_zzzzi.txt": 0.96,
    "articles_dev_zzzzj.txt": 0.96,
    "articles_dev_zzzzk.txt": 0.96,
    # session 29, first round: ZZZZL Nghệ An, Hà Tĩnh and Thanh Hóa with their Lao neighbours (116 lines), ZZZZM online
    # papers with their page furniture (143), ZZZZN China (135), ZZZZO Cambodia (125), ZZZZP the north-west's drug
    # cases (118): 0.992, 0.982, 0.982, 0.992, 0.985 with the session-start rules (per article 0.992), after the lead
    # mended the rules 0.996, 0.985, 0.983, 0.994, 0.988 (per article 0.996)
    "articles_dev_zzzzl.txt": 0.96,
    "articles_dev_zzzzm.txt": 0.95,
    "articles_dev_zzzzn.txt": 0.95,
    "articles_dev_zzzzo.txt": 0.96,
    "articles_dev_zzzzp.txt": 0.95,
    # a second round: ZZZZQ the Lao press in Vietnamese (107 lines), ZZZZR the Cambodian press (114), ZZZZS court
    # reporting (123), ZZZZT the Central Highlands' border (117), ZZZZU the sea and the Mekong (119): 0.989, 0.970,
    # 0.932, 0.993, 0.975 with the session-start rules (per article 0.977), after mending 0.998, 0.995, 0.947, 0.996,
    # 0.995 (per article 0.995)
    "articles_dev_zzzzq.txt": 0.96,
    "articles_dev_zzzzr.txt": 0.96,
    "articles_dev_zzzzs.txt": 0.91,
    "articles_dev_zzzzt.txt": 0.96,
    "articles_dev_zzzzu.txt": 0.96,
    # a third round, in the held-out news's genres: ZZZZV central Laos (113 lines), ZZZZW ministry and trilateral
    # meetings (128), ZZZZX the Chinese border (127), ZZZZY the Cambodian border (124), ZZZZZ photo news and briefs
    # (130): 0.984, 0.991, 0.983, 0.995, 0.987 with the session-start rules (per article 0.991), after mending 0.988,
    # 0.993, 0.988, 0.997, 1.000 (per article 0.996)
    "articles_dev_zzzzv.txt": 0.95,
    "articles_dev_zzzzw.txt": 0.96,
    "articles_dev_zzzzx.txt": 0.95,
    "articles_dev_zzzzy.txt": 0.96,
    "articles_dev_zzzzz.txt": 0.97,
    # a fourth round: ZZZZZA Sơn La and Điện Biên with northern Laos (105 lines), ZZZZZB drugs at Cầu Treo and Nậm Cắn
    # (128), ZZZZZC the drug police's transnational rings (123), ZZZZZD provinces receiving their neighbours (127),
    # ZZZZZE fraud and gambling rings with Chinese and Cambodian links (110): 0.986, 0.989, 0.988, 0.999, 0.969 with
    # the session-start rules (per article 0.991), after mending 0.987, 0.992, 0.990, 0.999, 0.974 (per article 0.993)
    "articles_dev_zzzzza.txt": 0.95,
    "articles_dev_zzzzzb.txt": 0.96,
    "articles_dev_zzzzzc.txt": 0.96,
    "articles_dev_zzzzzd.txt": 0.96,
    "articles_dev_zzzzze.txt": 0.94,
    # a fifth round, in the held-out news's genres: ZZZZZF Thanh Hóa and Nghệ An with Hủa Phăn and Xiêng Khoảng (117
    # lines), ZZZZZG the ministry's talks (132), ZZZZZH provincial television (118), ZZZZZI Quảng Ninh and Lạng Sơn with
    # Guangxi (107), ZZZZZJ the Mekong provinces with Cambodia (110): 0.994, 0.997, 0.987, 0.991, 0.991 with the
    # session-start rules (per article 0.995), after mending 0.994, 0.997, 0.995, 0.993, 0.993 (per article 0.9975)
    "articles_dev_zzzzzf.txt": 0.96,
    "articles_dev_zzzzzg.txt": 0.96,
    "articles_dev_zzzzzh.txt": 0.96,
    "articles_dev_zzzzzi.txt": 0.96,
    "articles_dev_zzzzzj.txt": 0.96,
    # session 30, first round, the years before the 2025 reorganisation (districts, the old provinces): ZZZZZK the
    # pandemic's closed borders (114 lines), ZZZZZL twinned provinces' annual talks with Laos (124), ZZZZZM drug cases
    # on the Lao border as district police reported them (106), ZZZZZN the southern border with Cambodia (123), ZZZZZO
    # the northern border with China (120): 0.980, 0.998, 0.976, 0.987, 0.954 with the session-start rules (per article
    # 0.985), after mending 0.991, 1.000, 0.980, 0.994, 0.990 (per article 0.9968)
    "articles_dev_zzzzzk.txt": 0.96,
    "articles_dev_zzzzzl.txt": 0.96,
    "articles_dev_zzzzzm.txt": 0.96,
    "articles_dev_zzzzzn.txt": 0.96,
    "articles_dev_zzzzzo.txt": 0.96,
    # a second round, the same years: ZZZZZP the central border with Laos (122 lines), ZZZZZQ courts and procuracies
    # of districts and provinces (114), ZZZZZR the ministry's cooperation and academies (117), ZZZZZS the Central
    # Highlands and Bình Phước (116), ZZZZZT photo news and briefs (142): 0.992, 0.955, 0.987, 0.991, 0.998 with the
    # session-start rules (per article 0.9914), after mending 0.993, 0.958, 0.998, 0.997, 0.999 (per article 0.9964;
    # ZZZZZQ's lines name defendants by their given name alone, the full name lines away)
    "articles_dev_zzzzzp.txt": 0.96,
    "articles_dev_zzzzzq.txt": 0.94,
    "articles_dev_zzzzzr.txt": 0.96,
    "articles_dev_zzzzzs.txt": 0.96,
    "articles_dev_zzzzzt.txt": 0.96,
    # a third round: ZZZZZU the years before the ministry's 2018 restructuring (107 lines), ZZZZZV Lai Châu, Điện Biên
    # and Sơn La with northern Laos (113), ZZZZZW Quảng Nam, Kon Tum and Huế with Sekong, Attapeu and Salavan (117),
    # ZZZZZX national online papers (139), ZZZZZY Nghệ An, Hà Tĩnh and Thanh Hóa with their Lao neighbours (110):
    # 0.992, 0.993, 0.987, 0.981, 0.995 with the session-start rules (per article 0.9933), after mending 0.996, 1.000,
    # 0.994, 0.983, 0.996 (per article 0.9972)
    "articles_dev_zzzzzu.txt": 0.96,
    "articles_dev_zzzzzv.txt": 0.96,
    "articles_dev_zzzzzw.txt": 0.96,
    "articles_dev_zzzzzx.txt": 0.96,
    "articles_dev_zzzzzy.txt": 0.96,
    # a fourth round: ZZZZZZ Quảng Ninh, Lạng Sơn and Cao Bằng with Guangxi (106 lines), ZZZZZZA awards and
    # commendations (105), ZZZZZZB trafficking across the Cambodian and Chinese borders (125), ZZZZZZC the Cambodian
    # side (109), ZZZZZZD Hà Giang, Lào Cai and Lai Châu with Yunnan (116): 0.990, 0.997, 0.925, 0.966, 0.999 with the
    # session-start rules (per article 0.978), after mending 0.996, 0.998, 0.941, 0.980, 0.999 (per article 0.985;
    # ZZZZZZB names victims by initials, whose final dot the rules put inside the name and this markup outside)
    "articles_dev_zzzzzz.txt": 0.96,
    "articles_dev_zzzzzza.txt": 0.96,
    "articles_dev_zzzzzzb.txt": 0.92,
    "articles_dev_zzzzzzc.txt": 0.96,
    "articles_dev_zzzzzzd.txt": 0.96,
    # session 31, first round: ZZZZZZE news copied from websites with their page furniture (162 lines), ZZZZZZF long
    # reportage from the borders (137), ZZZZZZG interviews (123), ZZZZZZH police education and training with Laos
    # and Cambodia (115), ZZZZZZI the Golden Triangle and the Mekong's multilateral bodies (111): 0.988, 0.969, 0.986,
    # 0.999, 0.986 with the session-start rules (per article 0.9918), after mending 0.988, 0.971, 0.998, 0.999, 0.991
    # (per article 0.9956)
    "articles_dev_zzzzzze.txt": 0.95,
    "articles_dev_zzzzzzf.txt": 0.94,
    "articles_dev_zzzzzzg.txt": 0.96,
    "articles_dev_zzzzzzh.txt": 0.96,
    "articles_dev_zzzzzzi.txt": 0.96,
    # a second round: ZZZZZZJ press conferences and periodic briefings (123 lines), ZZZZZZK maritime security (125),
    # ZZZZZZL wildlife, timber and environmental crime (121), ZZZZZZM fugitives, wanted notices and hand-overs (127),
    # ZZZZZZN smuggling of goods and customs (127): 0.991, 0.980, 0.974, 0.975, 0.988 with the session-start rules (per
    # article 0.9861), after mending 0.997, 0.998, 0.990, 0.976, 0.998 (per article 0.9967)
    "articles_dev_zzzzzzj.txt": 0.96,
    "articles_dev_zzzzzzk.txt": 0.96,
    "articles_dev_zzzzzzl.txt": 0.96,
    "articles_dev_zzzzzzm.txt": 0.94,
    "articles_dev_zzzzzzn.txt": 0.96,
    # a third round: ZZZZZZO Lao outlets' Vietnamese pages (115 lines), ZZZZZZP the Chinese side (120), ZZZZZZQ communes
    # and villages on the border after July 2025 (107), ZZZZZZR online-scam compounds and trafficked workers (121),
    # ZZZZZZS very short briefs of provincial TV sites (84; fourteen articles): 0.975, 0.998, 0.989, 0.986, 0.986 with
    # the session-start rules (per article 0.9887), after mending 0.995, 0.998, 0.994, 0.986, 0.989 (per article
    # 0.9964)
    "articles_dev_zzzzzzo.txt": 0.96,
    "articles_dev_zzzzzzp.txt": 0.96,
    "articles_dev_zzzzzzq.txt": 0.96,
    "articles_dev_zzzzzzr.txt": 0.95,
    "articles_dev_zzzzzzs.txt": 0.95,
    # a fourth round: ZZZZZZU appointments and promotions (120 lines), ZZZZZZV agreements, laws and decrees (103),
    # ZZZZZZW immigration and foreigners (105), ZZZZZZX friendship, culture and sport (111), ZZZZZZY analysis and
    # feature series (121): 0.989, 0.993, 0.994, 0.994, 0.975 with the session-start rules (per article 0.9911),
    # after mending 0.994, 0.994, 0.999, 0.997, 0.989 (per article 0.9968)
    "articles_dev_zzzzzzu.txt": 0.96,
    "articles_dev_zzzzzzv.txt": 0.96,
    "articles_dev_zzzzzzw.txt": 0.96,
    "articles_dev_zzzzzzx.txt": 0.96,
    "articles_dev_zzzzzzy.txt": 0.95,
    # session 32, one round on names by initials and bylines: ZZZZZZZ court reports (122 lines), ZZZZZZZA victims of
    # trafficking handed back (107), ZZZZZZZB commune and ward police briefs (108), ZZZZZZZC wire reports from abroad
    # (119), ZZZZZZZD legal Q&A columns (131): per line 0.938, 0.976, 0.961, 0.974, 0.977 with the round-start
    # rules, after mending 0.938, 0.983, 0.979, 0.978, 0.987 (per article 0.981, 0.985, 0.974, 0.981, 0.982 and
    # 0.988, 0.991, 0.991, 0.984, 0.992: ZZZZZZZ's court reports name most persons by a given name alone, which only
    # the article's full name tells)
    "articles_dev_zzzzzzz.txt": 0.92,
    "articles_dev_zzzzzzza.txt": 0.96,
    "articles_dev_zzzzzzzb.txt": 0.96,
    "articles_dev_zzzzzzzc.txt": 0.96,
    "articles_dev_zzzzzzzd.txt": 0.96,
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def dev_set(request):
    return request.param


@pytest.fixture(scope="module")
def sentences(dev_set):
    return load_challenge(HERE / dev_set)


@pytest.fixture(scope="module")
def scores(sentences, tmp_path_factory):
    from vner.annotation.rules import rules_pipeline
    from vner.evaluation.evaluate import load_gold, predict, score

    data = tmp_path_factory.mktemp("articles-dev") / "articles_dev.json"
    data.write_text(tasks_json(challenge_to_tasks(sentences)), encoding="utf-8")
    gold, _ = load_gold(data)
    return score(predict(rules_pipeline(), gold, progress=False))


def test_the_dev_set_parses_with_scheme_labels_only(sentences):
    allowed = set(scheme_labels())
    counts = Counter(label for s in sentences for _, _, label in s.spans)
    assert len(sentences) >= 60 and sum(counts.values()) >= 200
    assert set(counts) == allowed, f"labels {sorted(counts)} are not the scheme's {sorted(allowed)}"
    assert len({s.text for s in sentences}) == len(sentences), "a line is repeated"
    for s in sentences:
        for start, end, label in s.spans:
            value = s.text[start:end]
            assert value == value.strip() and value[0].isalnum(), (s.id, value)


def test_the_rules_keep_their_score_on_the_dev_set(scores, dev_set):
    micro = scores["scores"]["micro"]
    assert micro["f"] >= FLOORS[dev_set], f"rules micro-F1 {micro['f']:.3f} on {dev_set}, floor {FLOORS[dev_set]}"
