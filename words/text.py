"""Word-form normalisation for search in Kazakh, Russian and English (plain Python, no Django).

Every search backend of the site (SQLite FTS, PostgreSQL, Elasticsearch) indexes :func:`normalise` of a text
and searches for :func:`normalise_query` of what the reader typed, so a query matches other forms of its words:
"саябақ" finds "Саябақты абаттандыру", "аудан" finds "аудандағы", "парк" finds "парков", "parks" finds "park".
A query matches a text when ``set(normalise_query(q).split()) <= set(normalise(text).split())``. Index and query
with the same ``language``: the page's locale when indexing, the reader's locale when searching.

Pipeline
========
1. Unicode: NFKC, case folding (``str.casefold``, correct for Cyrillic, Kazakh letters included), "ё" -> "е".
2. Tokens: maximal runs of letters and digits. Everything else (punctuation, quotes, ``* : ( ) - + ~ ^ | & ! '``
   and the like) separates tokens and is dropped, so the output only ever holds letters, digits and single
   spaces and is safe to hand to any query parser (FTS5 operators are upper case, the output is lower case).
   Inside a token mixing Cyrillic and Latin letters, Latin look-alikes are read as Cyrillic (Kazakh is often
   typed with a Latin "i" for "і"), or the other way round.
3. Each token is replaced by its stem (:func:`stem_token`); tokens with digits, in other scripts, or longer than
   :data:`MAX_TOKEN_LENGTH` are kept as they are. The stems are joined by single spaces, one per token, in
   order, so positions (phrases) survive.

Choice of stemmer (``language`` is "kk", "ru", "en", a tag such as "ru-RU", or None)
===================================================================================
* Latin tokens: Snowball English, always.
* Cyrillic tokens with a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і): the Kazakh rules below, always.
* Other Cyrillic tokens ("ambiguous": "парков", "жолдарын", "мектептер", "жолда"):
  - language "kk": the Kazakh rules;
  - language "ru": Snowball Russian;
  - otherwise (None, "en", unknown), the *first reading*: the Kazakh rules when they strip a suffix that
    Russian words do not end with (a *confident* one: plural -лар/-лер/-дар/-дер/-тар/-тер, ablative,
    instrumental, dative, the endings that follow the 3rd-person possessive, 1st-plural and polite possessives,
    the verbal derivations), Snowball Russian otherwise: the endings both languages have (locative -да/-та,
    accusative -ды/-ты/-ны, possessive -ы/-сы) are far more often Russian ("проекте", "города", "фонды",
    "вопросы"). :func:`normalise` then appends, once each and after all the words, the stem of the *other
    reading* when it differs ("жолда" -> "жолд ... жол"), so a query for either word finds the text; the
    query (:func:`normalise_query`) keeps the first reading only, so it never asks for both. Emitting both
    readings on both sides would make every ambiguous query word demand two stems.
* Russian stems shorter than 3 letters (2 when the word has a letter native Kazakh words lack: в ф ц ч щ ъ ь э)
  are refused and the word is kept, so "ата" (grandfather) does not become "ат" (horse).
* The step is repeated until the token no longer changes (a fixed point; a round that changes it shortens it),
  which makes :func:`normalise` idempotent and makes a Kazakh stem that lost its Kazakh letters ("аудандағы" ->
  "аудан") end where the bare word ends ("аудан" -> Russian rules -> "ауд"): every form of a word meets at one stem.
  The price: Snowball run to its fixed point cuts deeper than once ("фестиваль" -> "фест", "столовая" ->
  "стол"), and without a language a Kazakh word may end on a Russian-looking stem ("бала" -> "бал").

Kazakh rules (a light, predictable suffix stripper)
===================================================
One round strips, right to left, at most one suffix of each class, in the order of Kazakh morphology:
case, then possessive, then plural, then a derivation. Within a class the longest suffix that passes the
checks wins. A suffix is stripped only if

* what remains has at least 3 letters and a vowel (2 letters for a few common roots: :data:`TWO_LETTER_ROOTS`,
  such as "үй", "су", "ел"), so "көлік" (vehicle) keeps its "-лік" and does not meet "көл" (lake), and
  "балық" (fish), "салық" (tax), "халық" (people) keep theirs;
* the suffix is the allomorph that the preceding sound selects (consonant assimilation): e.g. the plural is
  -лар/-лер after vowels, р, й, у, -дар/-дер after л м н ң з ж, -тар/-тер after voiceless consonants; so
  "доллар", "лидер", "принтер", "компьютер" are not plurals, and "ата" has no locative "-та";
* the suffix vowel agrees with the last vowel of the stem (vowel harmony: back а о ұ ы я take -а/-ы forms,
  front ә ө ү і е э take -е/-і forms; и у ю are neutral). Loanwords that end in two consonants or a soft sign
  take either ("парктер", "фестивальдің"). So "мастер", "гектар" are not plurals;
* the remaining stem is not one of :data:`PROTECTED_STEMS` (country names in -стан, "алтын" vs "алты", ...).

Classes (suffix: where it may stand):

* case: locative-attributive -дағы/-дегі/-тағы/-тегі/-ндағы/-ндегі; genitive -ның/-нің (after vowels, м н ң),
  -дың/-дің (after л р й у з ж), -тың/-тің; accusative -ны/-ні (after vowels), -ды/-ді, -ты/-ті, -н (after the
  3rd-person possessive -ы/-і); dative -ға/-ге, -қа/-ке, -на/-не (after -ы/-і); locative -да/-де, -та/-те,
  -нда/-нде (after -ы/-і); ablative -дан/-ден, -тан/-тен, -нан/-нен (after м н ң or -ы/-і); instrumental
  -мен/-бен/-пен and -менен/-бенен/-пенен (invariant, no harmony).
* possessive: 3rd person -ы/-і (after consonants), -сы/-сі (after vowels); 1st plural -ымыз/-іміз, -мыз/-міз;
  polite 2nd -ыңыз/-іңіз, -ңыз/-ңіз. After a vowel-initial possessive a stem-final ғ г б between a vowel and
  the suffix returns to қ к п ("саябағы" -> "саябақ", "мектебі" -> "мектеп"). The informal 1st/2nd singular
  (-м, -ым, -ң, -ың and the dative -а/-е after them) are not stripped: they are rare in public texts and would
  cut "алаң" (square) to "ала", "қалам" (pen) to "қала" (city), "білім" (knowledge) to "біл".
* plural: -лар/-лер, -дар/-дер, -тар/-тер.
* derivation: -лық/-лік, -дық/-дік, -тық/-тік; -ғы/-гі, -қы/-кі after a consonant ("соңғы", "қысқы"; after
  a vowel "-ғы" is the possessive of a қ-final word, "жарығы"); and the verbal noun -у, only when a verb-forming
  suffix precedes it: causative -дыр/-дір/-тыр/-тір/-ғыз/-гіз/-қыз/-кіз and/or -лан/-лен/-дан/-ден/-тан/-тен,
  -ла/-ле/-да/-де/-та/-те ("абаттандыру" -> "абат", "жарықтандыру" -> "жарық", "тазалау" -> "таза"), leaving
  a root of 4 letters or more: "атау" (name) stays apart from "ата", "сайлау" (election) from "сай", "жазу"
  (writing) from "жаз" (summer). The agent suffix -шы/-ші is not stripped: its "ы" cannot be told from the
  possessive of a ш-final noun ("ағашы", its tree, is not "аға" + "-шы").

Known limits: vowel elision ("орын"/"орны", "халық"/"халқы") is not undone; word-final -ы/-і of a root is taken
for a possessive ("кісі" -> "кіс", "жылы" warm meets "жыл" year); without ``language``, an inflected ambiguous
Kazakh query word whose only suffix is shared with Russian ("жолда") looks for its Russian reading ("жолд"),
and "атау", "жазу" get their Russian stems ("ата", "жаз").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

__all__ = [
    "MAX_QUERY_LENGTH",
    "MAX_QUERY_TOKENS",
    "MAX_TOKEN_LENGTH",
    "kazakh_stem",
    "normalise",
    "normalise_query",
    "stem_token",
    "tokens",
]

MAX_QUERY_LENGTH = 500  # characters of a query that are looked at
MAX_QUERY_TOKENS = 32  # words of a query that are kept
MAX_TOKEN_LENGTH = 64  # longer tokens (no natural word is) are kept unstemmed: no work on garbage

_TOKEN_RE = re.compile(r"[^\W_]+")

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
RUSSIAN_ONLY_LETTERS = frozenset("вфцчщъьэ")  # absent from native Kazakh words (я, ю are in "саябақ", "аю")

# Look-alike letters, read in the script of the rest of a mixed token.
_LATIN_TO_CYRILLIC = str.maketrans("aceiopxyh", "асеіорхуһ")
_CYRILLIC_TO_LATIN = str.maketrans("асеіорхуһ", "aceiopxyh")
_LATIN_LOOKALIKES = frozenset("aceiopxyh")
_CYRILLIC_LOOKALIKES = frozenset("асеіорхуһ")

# --- Kazakh -------------------------------------------------------------------------------------------------

_PURE_VOWELS = frozenset("аәеоөұүыіэяё")
_GLIDES = frozenset("иую")  # vowel letters that end in a glide: suffixes treat them as vowel or sonorant
_VOWELS = _PURE_VOWELS | _GLIDES
_RY = frozenset("рй")
_L = frozenset("л")
_NASALS = frozenset("мнң")
_ZJ = frozenset("зж")
_VOICELESS = frozenset("пткқсшщчфхһцбвгғд")  # final б в г ғ д are devoiced
_POSS3 = frozenset("ыі")  # the 3rd-person possessive just before
_CONSONANTS = _GLIDES | _RY | _L | _NASALS | _ZJ | _VOICELESS  # "not a pure vowel", as the possessive sees it

_BACK = frozenset("аоұыя")
_FRONT = frozenset("әөүіеэ")

TWO_LETTER_ROOTS = frozenset({"ай", "ас", "ат", "ел", "ет", "из", "ой", "су", "үй", "іс", "ән", "ұл", "із", "өз"})

PROTECTED_STEMS = frozenset(
    {
        # country and region names whose "-стан" is not an ablative
        "қазақстан",
        "казахстан",
        "өзбекстан",
        "узбекистан",
        "қырғызстан",
        "кыргызстан",
        "тәжікстан",
        "таджикистан",
        "түрікменстан",
        "туркменистан",
        "ауғанстан",
        "афганистан",
        "пәкістан",
        "пакистан",
        "түркістан",
        "туркестан",
        "татарстан",
        "дағыстан",
        "дагестан",
        # roots that end like a suffix
        "алтын",  # gold, not "алты" (six) + -н
        "алты",
        "орын",
        "ақын",
        "тұрғын",
        "қиын",
        "жиын",
        "ойын",  # game, not "ой" (thought)
        "дайын",
        "сайын",
        "келін",
        "түйін",
    }
)

# A rule: (suffix, letters allowed before it, harmony "b"/"f"/None, confident, vowel-initial possessive).
# "confident": Russian words do not end like this, so an ambiguous token showing it is read as Kazakh.
_Rule = tuple[str, frozenset, str | None, bool, bool]

_VD = _VOWELS | _RY | _L | _NASALS | _ZJ  # vowels and voiced consonants


def _pair(back: str, front: str, before: frozenset, confident: bool, vowel_initial: bool = False) -> list[_Rule]:
    return [(back, before, "b", confident, vowel_initial), (front, before, "f", confident, vowel_initial)]


_CASE: list[_Rule] = [
    # locative-attributive
    *_pair("дағы", "дегі", _VD, True),
    *_pair("тағы", "тегі", _VOICELESS, True),
    *_pair("ндағы", "ндегі", _POSS3, True),
    # genitive
    *_pair("ның", "нің", _VOWELS | _NASALS, True),
    *_pair("дың", "дің", _GLIDES | _RY | _L | _ZJ, True),
    *_pair("тың", "тің", _VOICELESS, True),
    # accusative
    *_pair("ны", "ні", _VOWELS, False),
    *_pair("ды", "ді", _GLIDES | _RY | _L | _NASALS | _ZJ, False),
    *_pair("ты", "ті", _VOICELESS, False),
    ("н", _POSS3, None, True, False),
    # dative
    *_pair("ға", "ге", _VD, True),
    *_pair("қа", "ке", _VOICELESS, True),
    *_pair("на", "не", _POSS3, True),
    # locative
    *_pair("да", "де", _VD, False),
    *_pair("та", "те", _VOICELESS, False),
    *_pair("нда", "нде", _POSS3, True),
    # ablative
    *_pair("дан", "ден", _VOWELS | _RY | _L | _ZJ, True),
    *_pair("тан", "тен", _VOICELESS, True),
    *_pair("нан", "нен", _NASALS | _POSS3, True),
    # instrumental (no harmony)
    *[(s, _VOWELS | _RY | _L, None, True, False) for s in ("мен", "менен")],
    *[(s, _NASALS | _ZJ, None, True, False) for s in ("бен", "бенен")],
    *[(s, _VOICELESS, None, True, False) for s in ("пен", "пенен")],
]

_POSSESSIVE: list[_Rule] = [
    *_pair("ы", "і", _CONSONANTS, False, True),
    *_pair("сы", "сі", _PURE_VOWELS, False),
    *_pair("ымыз", "іміз", _CONSONANTS, True, True),
    *_pair("мыз", "міз", _PURE_VOWELS, True),
    *_pair("ыңыз", "іңіз", _CONSONANTS, True, True),
    *_pair("ңыз", "ңіз", _PURE_VOWELS, True),
]

_L_FORM = _VOWELS | _RY  # -лар, -лық, -ла after vowels, р, й, у
_D_FORM = _L | _NASALS | _ZJ
_PLURAL: list[_Rule] = [
    *_pair("лар", "лер", _L_FORM, True),
    *_pair("дар", "дер", _D_FORM, True),
    *_pair("тар", "тер", _VOICELESS, True),
]

_NOMINAL: list[_Rule] = [
    *_pair("лық", "лік", _L_FORM, True),
    *_pair("дық", "дік", _D_FORM, True),
    *_pair("тық", "тік", _VOICELESS, True),
]
# "-ғы" after a consonant only: after a vowel it is the possessive of a қ-final noun ("жарығы").
_ADJECTIVE: list[_Rule] = [
    *_pair("ғы", "гі", _RY | _L | _NASALS | _ZJ, True),
    *_pair("қы", "кі", _VOICELESS, True),
]
_VERBAL_NOUN: list[_Rule] = [("у", _CONSONANTS | _PURE_VOWELS, None, True, False)]
_CAUSATIVE: list[_Rule] = [
    *_pair("дыр", "дір", _VOWELS | _RY | _L | _NASALS | _ZJ, True),
    *_pair("тыр", "тір", _VOICELESS, True),
    *_pair("ғыз", "гіз", _VD, True),
    *_pair("қыз", "кіз", _VOICELESS, True),
]
_VERBALISER: list[_Rule] = [
    *_pair("лан", "лен", _L_FORM, True),
    *_pair("дан", "ден", _D_FORM, True),
    *_pair("тан", "тен", _VOICELESS, True),
    *_pair("ла", "ле", _L_FORM, True),
    *_pair("да", "де", _D_FORM, True),
    *_pair("та", "те", _VOICELESS, True),
]


def _sort(rules: list[_Rule]) -> tuple[_Rule, ...]:
    return tuple(sorted(rules, key=lambda rule: -len(rule[0])))


_CASE_RULES = _sort(_CASE)
_POSSESSIVE_RULES = _sort(_POSSESSIVE)
_PLURAL_RULES = _sort(_PLURAL)
_NOMINAL_RULES = _sort(_NOMINAL)
_ADJECTIVE_RULES = _sort(_ADJECTIVE)
_VERBAL_NOUN_RULES = _sort(_VERBAL_NOUN)
_CAUSATIVE_RULES = _sort(_CAUSATIVE)
_VERBALISER_RULES = _sort(_VERBALISER)

_VERB_ROOT_MIN = 4  # "тазалау" -> "таза", but "сайлау" (election) does not become "сай" (ravine)
_UNVOICE = {"ғ": "қ", "г": "к", "б": "п"}


def _stem_ok(stem: str) -> bool:
    if len(stem) < 3 and stem not in TWO_LETTER_ROOTS:
        return False
    return any(c in _VOWELS for c in stem)


def _last_sound(stem: str) -> str:
    """The last letter, looking through a final soft or hard sign."""
    stripped = stem.rstrip("ьъ")
    return stripped[-1] if stripped else ""


def _harmony_ok(stem: str, harmony: str | None) -> bool:
    if harmony is None or stem[-1] in "ьъ":
        return True
    if len(stem) >= 2 and stem[-1] not in _VOWELS and stem[-2] not in _VOWELS:
        return True  # a final consonant cluster, as in loanwords ("парктер", "банктер")
    for c in reversed(stem):
        if c in _BACK:
            return harmony == "b"
        if c in _FRONT:
            return harmony == "f"
    return True


def _match(word: str, rules: tuple[_Rule, ...]) -> tuple[str, _Rule] | None:
    """The longest rule whose suffix ends the word and whose conditions hold; the stem and the rule."""
    for rule in rules:
        suffix, before, harmony, _confident, _vowel_initial = rule
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if not _stem_ok(stem):
            continue
        if _last_sound(stem) not in before or not _harmony_ok(stem, harmony):
            continue
        return stem, rule
    return None


def _kazakh_round(word: str) -> tuple[str, bool]:
    """One right-to-left round over the classes; the stem and whether a confident suffix was stripped."""
    stem, confident = word, False
    for step in (_case_step, _adjective_step, _possessive_step, _plural_step, _nominal_step, _verbal_step):
        if stem in PROTECTED_STEMS:
            break
        stem, stripped, final = step(stem)
        if stripped:
            confident = confident or stripped == _CONFIDENT
        if final:
            break
    return stem, confident


_CONFIDENT, _SHARED = "confident", "shared"  # what a step stripped: a Kazakh-only suffix, or one Russian has too


def _outcome(found: tuple[str, _Rule] | None, word: str, final: bool = False) -> tuple[str, str, bool]:
    if not found:
        return word, "", False
    return found[0], _CONFIDENT if found[1][3] else _SHARED, final


def _case_step(word: str) -> tuple[str, str, bool]:
    return _outcome(_match(word, _CASE_RULES), word)


def _adjective_step(word: str) -> tuple[str, str, bool]:
    # "-ғы" after a consonant wins over the possessive "-ы"; a derivation is the innermost suffix: stop there
    return _outcome(_match(word, _ADJECTIVE_RULES), word, final=True)


def _possessive_step(word: str) -> tuple[str, str, bool]:
    found = _match(word, _POSSESSIVE_RULES)
    if found and found[1][4]:
        stem = found[0]
        if len(stem) >= 2 and stem[-1] in _UNVOICE and stem[-2] in _VOWELS:
            found = (stem[:-1] + _UNVOICE[stem[-1]], found[1])
    return _outcome(found, word)


def _plural_step(word: str) -> tuple[str, str, bool]:
    return _outcome(_match(word, _PLURAL_RULES), word)


def _nominal_step(word: str) -> tuple[str, str, bool]:
    return _outcome(_match(word, _NOMINAL_RULES), word, final=True)


def _verbal_step(word: str) -> tuple[str, str, bool]:
    """The verbal noun "-у" with the causative and/or verb-forming suffix before it, or nothing."""
    found = _match(word, _VERBAL_NOUN_RULES)
    if not found:
        return word, "", False
    verb = found[0]
    causative = _match(verb, _CAUSATIVE_RULES)
    if causative:
        verb = causative[0]
    verbaliser = _match(verb, _VERBALISER_RULES)
    if verbaliser:
        verb = verbaliser[0]
    if not (causative or verbaliser) or len(verb) < _VERB_ROOT_MIN:
        return word, "", False
    return verb, _CONFIDENT, True


def kazakh_stem(word: str) -> str:
    """The Kazakh stem of one lower-case word: rounds of :func:`_kazakh_round` until nothing changes."""
    for _ in range(len(word)):  # each round that changes the word shortens it
        stem, _confident = _kazakh_round(word)
        if stem == word:
            break
        word = stem
    return word


# --- Snowball (Russian, English) ---------------------------------------------------------------------------

_local = threading.local()  # Snowball stemmers keep state while stemming: one per thread


def _snowball(language: str) -> snowballstemmer.stemmer:
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(language)
    return stemmers[language]


def _russian(word: str) -> str:
    stem = _snowball("russian").stemWord(word)
    shortest = 2 if RUSSIAN_ONLY_LETTERS.intersection(word) else 3
    return stem if len(stem) >= shortest else word


def _english(word: str) -> str:
    stem = _snowball("english").stemWord(word)
    return stem or word


# --- Tokens -------------------------------------------------------------------------------------------------


def _is_cyrillic(c: str) -> bool:
    return "\u0400" <= c <= "\u052f"


def _is_latin(c: str) -> bool:
    return c.isascii() or "\u00c0" <= c <= "\u024f"


def _language_code(language: str | None) -> str | None:
    if not language:
        return None
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0] or None


def _script(token: str) -> tuple[str, str]:
    """The token read in one script ("cyrillic", "latin" or "" when neither or an irreducible mix)."""
    cyrillic = sum(1 for c in token if _is_cyrillic(c))
    latin = sum(1 for c in token if _is_latin(c))
    if cyrillic == len(token):
        return token, "cyrillic"
    if latin == len(token):
        return token, "latin"
    if cyrillic + latin == len(token):
        latin_letters = {c for c in token if _is_latin(c)}
        if latin_letters <= _LATIN_LOOKALIKES:
            return token.translate(_LATIN_TO_CYRILLIC), "cyrillic"
        cyrillic_letters = {c for c in token if _is_cyrillic(c)}
        if cyrillic_letters <= _CYRILLIC_LOOKALIKES:
            return token.translate(_CYRILLIC_TO_LATIN), "latin"
    return token, ""


def _stem_round(token: str, language: str | None) -> str:
    token, script = _script(token)
    if script == "latin":
        return _english(token)
    if script != "cyrillic":
        return token
    if language == "kk" or KAZAKH_LETTERS.intersection(token):
        return kazakh_stem(token)
    if language == "ru":
        return _russian(token)
    stem, confident = _kazakh_round(token)
    return kazakh_stem(stem) if confident else _russian(token)


@lru_cache(maxsize=65536)
def _stem_cached(token: str, language: str | None) -> str:
    if len(token) > MAX_TOKEN_LENGTH or not token.isalpha():
        return token
    for _ in range(len(token) + 2):  # a round that changes the token shortens it (or, once, respells it)
        stem = _stem_round(token, language)
        if stem == token or not stem:
            break
        token = stem
    return token


def stem_token(token: str, language: str | None = None) -> str:
    """The stem of one token already lower-cased by :func:`normalise` (letters and digits only)."""
    return _stem_cached(token, _language_code(language))


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return unicodedata.normalize("NFKC", text).replace("ё", "е")


def tokens(text: str) -> list[str]:
    """The lower-cased word tokens of a text: runs of letters and digits."""
    return _TOKEN_RE.findall(_prepare(text))


def _alternatives(token: str, code: str | None) -> tuple[str, ...]:
    """Without a known language, the stem the other analysis gives an ambiguous Cyrillic token (no Kazakh
    letter): the Kazakh stem of a token read as Russian ("жолда": "жол" beside "жолд"), the Russian stem of
    one read as Kazakh. Empty when the language is known or both analyses agree."""
    if code in ("kk", "ru") or len(token) > MAX_TOKEN_LENGTH or not token.isalpha():
        return ()
    word, script = _script(token)
    if script != "cyrillic" or KAZAKH_LETTERS.intersection(word):
        return ()
    primary = _stem_cached(token, code)
    found = []
    for other in (kazakh_stem(word), _russian(word)):
        stem = _stem_cached(other, code)
        if stem != primary and stem not in found:
            found.append(stem)
    return tuple(found)


@lru_cache(maxsize=65536)
def _analyses(token: str, code: str | None) -> tuple[str, tuple[str, ...]]:
    """The stem of a token and the alternative stems (its own and its stem's)."""
    primary = _stem_cached(token, code)
    alternatives = [s for s in (*_alternatives(token, code), *_alternatives(primary, code)) if s != primary]
    return primary, tuple(dict.fromkeys(alternatives))


def normalise(text: str, language: str | None = None) -> str:
    """The normalised text to index (and the reference for queries).

    The stems of the words of ``text``, one per word and in order, joined by single spaces. Without a known
    language (None, "en", ...) the alternative stems of ambiguous Cyrillic words follow, once each, after all
    the words, so a query in either reading finds the text and the words keep their positions. Idempotent."""
    if not text:
        return ""
    code = _language_code(language)
    stems: list[str] = []
    pending: list[str] = []
    for token in tokens(text):
        primary, alternatives = _analyses(token, code)
        stems.append(primary)
        pending.extend(alternatives)
    seen = set(stems)
    for stem in pending:  # grows while it is read: the alternatives of alternatives, until none is new
        if stem not in seen:
            seen.add(stem)
            stems.append(stem)
            pending.extend(_analyses(stem, code)[1])
    return " ".join(stems)


def normalise_query(q: str, language: str | None = None, max_length: int = MAX_QUERY_LENGTH) -> str:
    """What to search for: the stem of each word of what a reader typed (its first reading only, no
    alternatives, so a query is not made stricter), each stem once, at most :data:`MAX_QUERY_TOKENS` of them,
    from the first ``max_length`` characters. Never raises, whatever the input; the result holds only letters,
    digits and single spaces, and is empty when nothing searchable is left."""
    if not isinstance(q, str) or not q:
        return ""
    if not isinstance(max_length, int):
        max_length = MAX_QUERY_LENGTH
    code = _language_code(language) if isinstance(language, str) else None
    stems: list[str] = []
    for token in _TOKEN_RE.finditer(_prepare(q[: max(0, max_length)])):
        stem = _stem_cached(token.group(), code)
        if stem not in stems:
            stems.append(stem)
            if len(stems) >= MAX_QUERY_TOKENS:
                break
    return " ".join(stems)
