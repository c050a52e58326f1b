"""Every regular expression extraction uses, compiled once at import.

Each constant has a comment quoting sample text it targets. The functions in the sibling
modules only use these constants; they run them on the few sentences a cheap keyword pass
selected (see ``_doc.py``), never on the whole posting.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _lc(pattern: str) -> re.Pattern[str]:
    """A pattern run on lower-cased text, anchored on a word start.

    Python's ``re`` tries every alternative at every position; one leading ``\\b`` outside the
    alternation lets it skip non-word-starts at once, and dropping IGNORECASE avoids a case fold
    per comparison. Measured on 300 characters: ~420 us -> ~6 us for ``CUE_PREFERRED``.
    """
    return re.compile(r"\b(?:" + pattern + ")")


def _alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of ``pattern``."""
    out: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1
            i += pattern.startswith("^", i)
            i += pattern.startswith("]", i)  # "[]...]" / "[^]...]": that "]" is a member
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _lc_grouped(pattern: str, *, scan: bool = False) -> re.Pattern[str]:
    """``_lc(pattern)``, same matches, for a ``pattern`` whose alternatives each open with
    ``\\b`` and a letter: the alternatives are grouped by that letter, in their order.

    ``re`` tries alternatives one after another at each word start; grouped, it rejects a group
    on one letter. Alternatives with different letters never match at the same position, so
    the order that matters (within a letter) is kept. With ``scan``, a group opens with its letter
    and a look-behind for the word start (the same test as ``\\b`` before a letter): the pattern
    then starts with a set of letters, and ``re`` skips in C to the next position holding one;
    that pays when the letters are few. Measured per 150-character sentence: ``NO_DEGREE``
    2.5 -> 1.1 us (scan), ``CUE_PREFERRED`` 4.3 -> 2.4 us (grouped).
    """
    groups: dict[str, list[str]] = {}
    for alt in _alternatives(pattern):
        letter, rest = alt[2:3], alt[3:]
        if not (alt.startswith("\\b") and letter.isalpha() and not rest.startswith(("?", "*", "+", "{"))):
            raise ValueError(f"alternative does not open with \\b and a letter: {alt!r}")
        groups.setdefault(letter, []).append(rest)
    parts = []
    for letter, rests in groups.items():
        rest = rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"
        parts.append(f"{letter}(?<!\\w{letter}){rest}" if scan else letter + rest)
    return re.compile("|".join(parts)) if scan else _lc("|".join(parts))


def _lc_words(pattern: str) -> re.Pattern[str]:
    """``_lc(r"\b(?:" + pattern + r")\b")``, same matches, each alternative a word of its own,
    grouped by first letter (``_lc_grouped``): a heading line is tested against ~150 words."""
    return _lc_grouped("|".join(rf"\b{alt}\b" for alt in _alternatives(pattern)))


# ---------------------------------------------------------------- text structure

# "Minimum qualifications:" / "- Master's degree" : strips bullets and list numbers off a line
BULLET = re.compile(r"^\s*(?:[\-–—•·*●○▪■◦➢►✓✔>#+]+\s*|\d{1,2}[.)]\s+|\(\d{1,2}\)\s*|[a-z][.)]\s+|o\s+)*")

# "... in 2019. We are ..." : candidate sentence ends inside a line (checked for abbreviations);
# the cut falls right after the punctuation mark; "anomalies.Essential Duties" (text flattened
# without spaces) also ends a sentence
SENTENCE_END = re.compile(r"[.!?;](?:\s+(?=[\"'(“A-Z0-9•])|(?<=[a-z]\.)(?=[A-Z][a-z]))")

# "B.S. Computer Science" / "e.g. Python" : the word before a period is an abbreviation
ABBREV_TAIL = re.compile(r"(?:\b[A-Za-z]\.){1,3}$|\b(?:e\.g|i\.e|etc|vs|incl|approx|min|max|yrs|Sr|Jr|Dr|Mr|Ms|Mrs|No|St|Inc|Ltd|Co|U\.S)\.$|\bPh\.\s?D\.$", _I)

# --------------------------------------------------------------------- headings

# "Preferred Qualifications" / "Nice to have" / "Bonus points" / "Ideally you have"
_HEADING_WORDS_PREFERRED = (r"preferred|preferably|nice[\s-]to[\s-]haves?|bonus(?:\s+points)?|ideal(?:ly)?|desired|desirable|"
    r"pluses|a\s+plus|extra\s+credit|good[\s-]to[\s-]haves?|great[\s-]to[\s-]haves?|would\s+be\s+nice|"
    r"stand\s+out|even\s+better|added\s+bonus|differentiators?|not\s+required\s+but|"
    r"would\s+be\s+(?:great|a\s+plus)|optional")
HEADING_PREFERRED = _lc_words(_HEADING_WORDS_PREFERRED)
# the soft preferred headings: "Desired Skills", "Ideal Qualifications" count as the
# requirements when the same posting also has a firm preferred heading ("Nice to have")
HEADING_SOFT_PREFERRED = _lc_words(r"desired|desirable|ideal(?:ly)?")

# "Minimum qualifications" / "Basic Qualifications" / "Requirements" / "What you'll need"
_HEADING_WORDS_REQUIRED = (r"minimum|basic|required|requirements?|qualifications?|must[\s-]haves?|must\s+have|"
    r"what\s+you(?:'ll|’ll|\s+will)?\s+(?:need|bring|have)|you\s+(?:have|bring|are|will\s+have|should\s+have)|"
    r"who\s+you\s+are|about\s+you|what\s+we(?:'re|’re|\s+are)\s+looking\s+for|looking\s+for|"
    r"your\s+(?:profile|background|experience|skills|qualifications)|skills|experience|education|"
    r"competenc(?:y|ies)|knowledge|expertise|background|profile|prerequisites|essential|"
    r"what\s+(?:it\s+)?takes|to\s+be\s+successful|we(?:'d|’d|\s+would)\s+love|need\s+to\s+have|"
    r"you\s+might\s+be\s+a\s+fit|ideal\s+candidate")
HEADING_REQUIRED = _lc_words(_HEADING_WORDS_REQUIRED)

# "Responsibilities" / "What you'll do" / "Benefits" / "About us" : end the previous section
_HEADING_WORDS_NEUTRAL = (r"responsibilit(?:y|ies)|what\s+you(?:'ll|’ll|\s+will)\s+(?:do|be\s+doing|work\s+on)|duties|"
    r"about|benefits?|perks|compensation|salary|pay|the\s+role|role|overview|summary|description|"
    r"why|who\s+we\s+are|company|location|culture|team|equal|eeo|apply|day[\s-]to[\s-]day|impact|"
    r"mission|job\s+details|what\s+we\s+offer|offer|opportunity|position|schedule|travel|"
    r"clearance|type|family|suitability|you(?:'ll|’ll|\s+will)\s+(?:do|get)|working|work\s+environment|"
    r"projects|tasks|accountabilities|in\s+this\s+role|key\s+result")
HEADING_NEUTRAL = _lc_words(_HEADING_WORDS_NEUTRAL)

# any heading word at all: a line with none (and no colon) is no heading, one search instead of three
HEADING_ANY = _lc_words("|".join(_alternatives(_HEADING_WORDS_PREFERRED) + _alternatives(_HEADING_WORDS_REQUIRED)
                                 + _alternatives(_HEADING_WORDS_NEUTRAL)))

# "Qualifications: 5+ years ..." / "Preferred: PhD" : a heading followed by content on the line
INLINE_HEADING = re.compile(r"^([A-Za-z][A-Za-z'’ /&-]{2,45}?)\s*[:–—]\s*(\S.*)$")

# ------------------------------------------------------------------------ cues
# (the ``_lc`` patterns below expect lower-cased text: ``Sentence.low`` / ``Doc.low``)

# "Master's preferred" / "a plus" / "nice to have" / "ideally" / "bonus" : softens a clause
CUE_PREFERRED = _lc_grouped(
    r"\bpreferred\b|\bpreferably\b|\bprefer\b|\bpreference\b|\ba\s+(?:big\s+|huge\s+|strong\s+|definite\s+)?plus\b|"
    r"\bis\s+a\s+plus|\bplus\s*[.!)]|\bnice[\s-]to[\s-]haves?\b|\bideally\b|\bideal\b(?!\s+(?:candidate|person|fit))|"
    r"\bdesired\b|\bdesirable\b|\bbonus\b|\badvantage(?:ous)?\b|\bbeneficial\b|"
    r"\bwould\s+be\s+(?:great|nice|helpful)|\bhelpful\b|\bnot\s+required\b|\boptional\b|\bappreciated\b|"
    r"\bencouraged\b|\bhighly\s+valued\b|\bwelcome[d]?\b")

# "Bachelor's degree required" / "must have" / "minimum" : firms a clause up
CUE_REQUIRED = _lc_grouped(r"\brequired\b|\brequires?\b|\bmust\b|\bminimum\b|\bmandatory\b|\bessential\b",
                           scan=True)

# ----------------------------------------------------------------------- degrees

# "PhD" / "Ph.D." / "doctorate" / "doctoral" / "BS" / "B.Sc." / "MS" / "M.Tech" / "MBA" /
# "graduate degree" / "advanced degree" / "4-year degree" / "high school diploma" / "GED"
DEGREE = _lc(
    r"(?P<phd>\bph\.?\s?d\b\.?s?|\bdoctorates?\b|\bdoctoral\b|\bd\.?phil\b|\bdoctor\s+of\b|\bdoctor'?s\s+degree)"
    r"|(?P<master>\bmaster(?:'s|’s|s)(?!\s+program)?\b|\bmasters?\s+(?:degree|of|in)\b|\bmasters?\b(?=\s*(?:/|or\b|,)\s*(?:ph|doc))"
    r"|\bm\.\s?s\.?(?![a-z])|\bms(?!\s+(?:office|excel|word|sql|access|project|teams|azure|power|visio|outlook|dynamics|fabric|windows))\b"
    r"|\bm\.\s?sc\b\.?|\bmsc\b|\bm\.a\.|\bma\b(?=\s*(?:in\b|degree|/\s*m|/\s*ph|,\s*(?:ms|m\.|ph)|or\s+(?:ms|m\.|ph)))|\bmba\b|\bm\.\s?tech\b|\bmtech\b|\bm\.\s?eng\b|\bmeng\b"
    r"|\bm\.?stat\b|\bmphil\b|\b(?:post-?)?graduate(?:[\s-]level)?\s+(?:degree|studies|study|education|student|program|programme|school)"
    r"|\badvanced\s+(?:academic\s+)?degree|\bhigher\s+degree|\bgraduate[\s-]level\b)"
    r"|(?P<bachelor>\bbachelor(?:'s|’s|s)?\b|\bb\.\s?s\.?(?![a-z])|\bbs\b|\bb\.\s?sc\b\.?|\bbsc\b|\bb\.a\.|\bba\b(?=\s*(?:in\b|degree|/\s*b|/\s*m|,\s*(?:bs|b\.|ms|m\.)|or\s+(?:bs|b\.|ms|m\.)))"
    r"|\bb\.\s?tech\b|\bbtech\b|\bb\.e\.|\bbe\b(?=\s*/)|\bundergrad(?:uate)?(?:\s+(?:degree|studies|study|education|student|program))?\b"
    r"|\b(?:4|four)[\s-]year\s+(?:college\s+|university\s+)?degree|\b(?:college|university)\s+degree|\bbaccalaureate\b)"
    r"|(?P<associate>\bassociate(?:'s|’s|s)?\s+degree|\bassociate(?:'s|’s)(?=\s+or\b|\s*/)|\baa/as\b|\ba\.a\.s?\b)"
    r"|(?P<high_school>\bhigh\s+school\b|\bged\b|\bsecondary\s+school)"
    r"|(?P<degree>\bdegrees?\b(?!\s+of\b)|\bdiploma\b|\bgraduated?\b(?=\s+(?:from|with|in)\b))")

# "high degree of" / "360-degree" / "to some degree" : the word "degree" that is not a diploma
DEGREE_NOT_DIPLOMA = re.compile(r"(?:high|360|some|certain|great|varying|large|any|different)[\s-]+$", _I)

# "no degree required" / "degree not required" / "Education: None"
NO_DEGREE = _lc_grouped(
    r"\bno\s+(?:college\s+|university\s+|formal\s+)?degree\s+(?:is\s+)?(?:required|necessary|needed)|\bno\s+degree\s+requirement|"
    r"\bdegree\s+(?:is\s+)?not\s+(?:required|necessary|needed)|\bdo\s+not\s+(?:need|require)\s+a\s+degree",
    scan=True)

# "currently pursuing a Master's" / "enrolled in a PhD program"
PURSUING = re.compile(r"\b(?:pursuing|enrolled|enrollment|candidate\s+for|working\s+towards?|currently\s+in|student)\b", _I)

# "or equivalent practical experience" / "or comparable work experience" / "in lieu of a degree"
EQUIVALENT_EXPERIENCE = _lc_grouped(
    r"\bequivalent\s+(?:practical\s+|professional\s+|work\s+|industry\s+|relevant\s+|related\s+|research\s+|job\s+|military\s+|technical\s+)*"
    r"(?:experience|work|training|combination|background)"
    r"|\bcomparable\s+(?:\w+\s+){0,2}experience|\bequivalent\s+years?\s+of\s+(?:\w+\s+){0,3}?(?:experience|work)"
    r"|\band/or\s+(?:\w+\s+){0,3}experience"
    r"|\bor\s+(?:relevant|related|practical|professional|industry|applicable|commensurate)\s+(?:work\s+|professional\s+|industry\s+|practical\s+)?experience"
    r"|\bor\s+(?:an?\s+)?(?:equivalent\s+)?combination\s+of\s+(?:relevant\s+)?(?:education|experience)"
    r"|\bin\s+lieu\s+of\b|\binstead\s+of\s+a\s+degree|\bequivalent\s+experience"
    r"|\bor\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\+?\s*(?:\+\s*)?years?\s+(?:of\s+)?(?:\w+\s+){0,3}experience\s+(?:in\s+lieu|instead)"
    r"|\bexperience\s+(?:may|can)\s+(?:be\s+)?(?:substitute|replace)|\bsubstitut\w*\s+(?:for\s+)?(?:the\s+)?(?:degree|education)"
    r"|\bdegree\s+(?:or|and/or)\s+(?:\d+\+?\s*years|relevant\s+(?:\w+\s+)?experience)"
    r"|\bor\s+(?:equivalent\s+)?(?:bootcamp|military|certification)")

# ------------------------------------------------------------------- experience

# "5+ years" / "3-5 years" / "3 to 5 yrs" / "at least six months" / "one year"
_NUM = r"(?:\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a|an)"
YEARS = _lc(
    rf"(?P<low>{_NUM})\s*(?:\+|plus)?\s*(?:\(\s*\d+\s*\)\s*)?(?:(?:-|–|—|to|or)\s*(?P<high>{_NUM})\s*\+?\s*)?-?"
    r"(?P<unit>years?|yrs?|months?)\b(?!\s+(?:old|ago|of\s+age))"
    # "four-year degree" / "4-year college": the length of a programme, not experience
    r"(?![\s-]+(?:college|degree|university|program|programme|institution|accredited|bachelor|undergrad))")
# "in the last 5 years" / "for over 30 years" / "founded 20 years" : company history, not a requirement
YEARS_NOT_EXPERIENCE = re.compile(
    r"(?:last|past|over\s+the|next|first|within|in\s+business\s+for|been\s+\w+\s+for|history|founded|since|"
    r"\bfor\s+(?:more\s+than|over|almost|nearly|about|close\s+to)|more\s+than\s+\d+\s+years\s+ago)\s*$", _I)
# "experience" / "exp." / "background in" / "working in" : a sentence about experience
EXPERIENCE_WORD = re.compile(r"\bexperience[ds]?\b|\bexp\b|\bbackground\b|\bworking\b|\bwork\b|\bhands-on\b|\bprofessional\b|\bindustry\b|\bpost-?doc|\bin\s+(?:a|an|the)\b|\bof\b", _I)

# ------------------------------------------------------------------ fields of study

# Field-of-study phrases (lower case) -> fields. Matched with Aho-Corasick, leftmost-longest, on
# word boundaries (see ``_fields.py``): "Computer Science" / "CS" / "Statistics" / "STEM" /
# "related technical field" / "Biostatistics" -> statistics / "Robotics" -> engineering.
# A trailing ",", "/" or ")" is part of a phrase where the bare token is ambiguous ("CE," "IT/").
_ENGINEERING_KINDS = ("mechanical", "biomedical", "chemical", "industrial", "aerospace", "civil", "systems",
                      "control", "controls", "robotics", "nuclear", "environmental", "manufacturing",
                      "materials", "petroleum", "structural", "mechatronics", "biological", "process")
FIELD_TERMS: dict[str, tuple[str, ...]] = {
    "computer engineering": ("computer_engineering",),
    "computer science/engineering": ("computer_science", "computer_engineering"),
    "computer science / engineering": ("computer_science", "computer_engineering"),
    "computer science and engineering": ("computer_science", "computer_engineering"),
    "ce,": ("computer_engineering",), "ce/": ("computer_engineering",), "ce)": ("computer_engineering",),
    "electrical engineering": ("electrical_engineering",), "electrical": ("electrical_engineering",),
    "electrical and computer engineering": ("electrical_engineering", "computer_engineering"),
    "electrical & computer engineering": ("electrical_engineering", "computer_engineering"),
    "ee,": ("electrical_engineering",), "ee/": ("electrical_engineering",), "ee)": ("electrical_engineering",),
    "ece": ("electrical_engineering",),
    "software engineering": ("software_engineering",), "software development": ("software_engineering",),
    "computer science": ("computer_science",), "computer sciences": ("computer_science",),
    "comp sci": ("computer_science",), "comp. sci": ("computer_science",), "cs": ("computer_science",),
    "computing": ("computer_science",), "computational science": ("computer_science",),
    "data science": ("data_science",), "data sciences": ("data_science",), "data analytics": ("data_science",), "analytics": ("data_science",),
    "statistics": ("statistics",), "statistical": ("statistics",), "biostatistics": ("statistics",),
    "stat": ("statistics",), "stats": ("statistics",),
    "mathematics": ("mathematics",), "math": ("mathematics",), "maths": ("mathematics",),
    "mathematical": ("mathematics",), "applied math": ("mathematics",), "applied mathematics": ("mathematics",),
    "physics": ("physics",),
    "operations research": ("operations_research",), "operation research": ("operations_research",),
    "or/": ("operations_research",), "management science": ("operations_research",),
    "economics": ("economics",), "health economics": ("economics",), "econometrics": ("economics",),
    "economic": ("economics",),
    "information systems": ("information_systems",), "information technology": ("information_systems",),
    "information science": ("information_systems",), "mis": ("information_systems",),
    "it,": ("information_systems",), "it/": ("information_systems",), "it)": ("information_systems",),
    "machine learning": ("machine_learning",), "artificial intelligence": ("machine_learning",),
    "ai": ("machine_learning",), "ml": ("machine_learning",), "computer vision": ("machine_learning",),
    "natural language processing": ("machine_learning",), "nlp": ("machine_learning",),
    "deep learning": ("machine_learning",), "human-centered ai": ("machine_learning",),
    "engineering": ("engineering",),
    "quantitative": ("quantitative",), "quantitatively": ("quantitative",), "stem": ("quantitative",), "technical field": ("quantitative",),
    "technical discipline": ("quantitative",), "technical area": ("quantitative",),
    "technical degree": ("quantitative",), "scientific field": ("quantitative",),
    "scientific discipline": ("quantitative",), "analytical field": ("quantitative",),
    "analytical discipline": ("quantitative",), "hard science": ("quantitative",),
    **{f"{r} {k}": ("quantitative",) for r in ("related", "relevant", "similar")
       for k in ("technical", "scientific", "analytical", "science", "engineering", "stem")},
    **{f"{k} engineering": ("engineering",) for k in _ENGINEERING_KINDS},
    **{k: ("engineering",) for k in ("mechanical", "chemical", "industrial", "aerospace",
                                     "civil", "robotics", "nuclear", "mechatronics")},
    **{k: ("other",) for k in (
        "bioinformatics", "biology", "biological", "chemistry", "life science", "life sciences", "business",
        "business analytics", "finance", "financial engineering", "accounting", "marketing", "neuroscience",
        "psychology", "epidemiology", "health informatics", "informatics", "social science",
        "social sciences", "linguistics", "cognitive science", "genetics", "genomics", "biochemistry",
        "public health", "applied science", "applied sciences", "geography", "gis", "supply chain",
        "political science", "sociology", "medicine", "pharmacy", "nursing", "geoscience", "astronomy",
        "astrophysics", "materials science", "computational biology", "clinical psychology",
        "experimental psychology", "sports medicine", "health services", "biomedical science",
        "biomedical sciences", "biomedical", "computational imaging", "health policy")},
}
# "(or equivalent industry experience)" / "and/or relative experience": an aside inside a field list
_ASIDE_TAIL = r"\s+(?:an?\s+)?(?:equivalent|relevant|relative|related|comparable)\s+(?:\w+\s+){0,2}?experience(?:/research)?"
EQUIVALENCE_ASIDE = _lc_grouped(rf"\bor{_ASIDE_TAIL}|\band/or{_ASIDE_TAIL}", scan=True)
# "experience in CS" : field words after this belong to the experience, not to the degree
FIELD_STOP = _lc_grouped(r"\bexperience\b|\byears?\b|\bskills?\b|\bknowledge\b|\bproficien|\bfamiliar", scan=True)

# ------------------------------------------------------------------------ titles
# (lower-case patterns: titles are lower-cased once in ``_role.py``)

# "Senior Data Scientist" / "Sr. ML Engineer" / "Staff" / "Principal" / "Intern" / "Data Scientist II"
TITLE_INTERN = _lc(r"\bintern(?:ship)?s?\b|\bco-?op\b|\bapprentice")
TITLE_MANAGER = _lc(r"\bmanager\b|\bdirector\b|\bhead\s+of\b|\bvp\b|\bvice\s+president\b|\bchief\b|\bmgr\b")
TITLE_STAFF = _lc(r"\bstaff\b|\bprincipal\b|\bdistinguished\b|\barchitect\b|\blead\b|\bfellow\b|"
                         r"\b(?:iv|v|vi)\b|\b(?:level|l)\s*[6-9]\b|(?:engineer|scientist|analyst|developer)\s+[5-9]\b")
TITLE_SENIOR = _lc(r"\bsenior\b|\bsr\b\.?|\biii\b|\bl\s*5\b|(?:engineer|scientist|analyst|developer|level)\s+(?:3|4)\b")
TITLE_MID = _lc(r"\bii\b|(?:engineer|scientist|analyst|developer|level)\s+2\b|\bmid[\s-]level\b|\bl\s*4\b")
TITLE_JUNIOR = _lc(r"\bjunior\b|\bjr\b\.?|\bentry[\s-]level\b|\bentry\b|\bnew\s+grad(?:uate)?s?\b|\bassociate\b|\bundergrad(?:uate)?\b|"
                          r"\bgraduate\b|\bearly[\s-]career\b|\b(?:i|1)\s*$|\bi\b(?=\s*[-,(/|])|(?:engineer|scientist|analyst|developer)\s+1\b")
# "we are looking for a Senior Data Scientist" / "As a lead data scientist"
BODY_LEVEL = _lc(
    r"\b(?:looking\s+for|seeking|hiring|hire|as)\s+(?:an?|the|our)\s+(?:(?:highly|experienced|talented|motivated|skilled)\s+)*"
    r"(?P<level>senior|sr\.?|junior|jr\.?|entry[\s-]level|mid[\s-]level|staff|principal|lead|intern)\b")
BODY_LEVEL_SPAN = _lc(r"\b(junior|entry|mid|senior)[\s-]+(?:level\s+)?(?:to|or|-)\s*(?:a\s+)?(mid|senior|staff)[\s-]level\b")

# ------------------------------------------------------------------------- roles

# "Machine Learning Engineer" / "MLOps" / "AI Engineer" / "ML Platform"
ROLE_ML_ENGINEER = _lc(
    r"\b(?:machine\s+learning|ml|ai|a\.i\.|mlops|llm|genai|gen\s+ai|generative\s+ai|deep\s+learning|nlp|"
    r"computer\s+vision|cv|applied\s+ai|applied\s+ml|perception|inference)\s*(?:/\s*\w+\s*)?(?:engineer|engineering|developer|"
    r"ops|platform|infrastructure|infra|architect|specialist)\b|\bmlops\b|\bml\s*ops\b|\bai/ml\s+engineer|\bml/ai\s+engineer")
# "Research Scientist" / "Research Engineer" / "AI Researcher"
ROLE_RESEARCH = _lc(r"\bresearch\s+(?:scientist|engineer|fellow)\b|\bresearcher\b|\bscientist,?\s+research\b")
ROLE_APPLIED_SCIENTIST = _lc(r"\bapplied\s+(?:research\s+)?scientist\b|\bmachine\s+learning\s+scientist|\bml\s+scientist|\bai\s+scientist")
ROLE_DATA_SCIENTIST = _lc(r"\bdata\s+scien(?:tist|ce)\b|\bdecision\s+scientist")
ROLE_DATA_ENGINEER = _lc(r"\bdata\s+(?:engineer|engineering|platform\s+engineer|architect|warehouse)\b|\betl\s+developer|\banalytics\s+engineer")
ROLE_DATA_ANALYST = _lc(
    r"\b(?:data|business|bi|analytics|insights?|reporting|marketing|product|financial|operations|quantitative|"
    r"statistical|sql|people|hr|growth|risk|credit|pricing|science|research|program|digital|web)\s+analyst\b|"
    r"\bbusiness\s+intelligence\b|\bbi\s+(?:developer|engineer)|\banalytics\b")
# "Clinical Content Developer" / "AI Trainer" / "Nuclear Engineer": titles outside software and data
ROLE_OTHER = _lc(
    r"\b(?:content|clinical|curriculum|course|instructional|business\s+development|sales|nuclear|mechanical|civil|"
    r"chemical|manufacturing|process|field|hardware|mechatronics|design|quality|electrical|structural|construction|"
    r"environmental|biomedical|project|application\s+support|customer\s+success|solutions?\s+sales)\s+"
    r"(?:developer|engineer|writer)|\btrainer\b|"
    r"\bannotator\b|\brater\b|\btutor\b|\bwriter\b|\bnurse\b|\bcoordinator\b|\btechnician\b")
ROLE_SOFTWARE = _lc(r"\bsoftware\b|\bdeveloper\b|\bswe\b|\bbackend\b|\bback-end\b|\bfrontend\b|\bfront-end\b|"
                           r"\bfull[\s-]?stack\b|\bengineer\b|\bprogrammer\b|\bsdet\b|\bqa\b|\bdevops\b|\bsre\b")
# "Software Engineer, Machine Learning" / "Software Engineer - AI/ML" : an ML-flavoured title
TITLE_ML_WORDS = _lc(r"\bmachine\s+learning\b|\bml\b|\bai\b|\bllm|\bdeep\s+learning\b|\bnlp\b|\bcomputer\s+vision\b|"
                            r"\bgenai\b|\bgenerative\b|\bmlops\b|\bartificial\s+intelligence\b|\bai/ml\b|\bml/ai\b")
