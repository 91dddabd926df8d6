"""The insult normaliser and the obfuscated-spelling generator (standard library only).

The normaliser maps a word, however it was disguised ("m*ppet", "1d10t", "tw@t", "muppppet",
"m.u.p.p.e.t", "іdiot" with a Cyrillic і), and a lexicon lemma through the same function, the
*skeleton*, so that a disguised word and its lemma compare equal. data/lexicon/README.md
("The normaliser") is the specification; this file is its reference implementation, and
data/lexicon/normaliser_examples.tsv holds the vectors both it and the Rust side must pass.

The skeleton is a matching key, not readable text: `l` and `1` both become `i`, doubled letters
become one ("muppet" -> "mupet").
"""

import random
import re
import unicodedata

# Step 2: look-alike letters from other scripts that NFKD does not fold (Cyrillic, Greek).
HOMOGLYPHS = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ɡ": "g", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "ν": "v", "χ": "x",
}

# Step 3: symbols and digits written for letters, and the letters folded together with them.
LEET = {
    "@": "a", "4": "a",
    "3": "e", "€": "e",
    "1": "i", "!": "i", "|": "i", "l": "i",
    "0": "o",
    "$": "s", "5": "s",
    "7": "t", "+": "t",
    "9": "g",
}

# Step 4: characters written in place of a letter to hide it. `.` and `?` count only between
# two other characters of the word (never at its end).
MASKS = set("*#%•·_") | {"?", "."}
MASK = "*"

# Characters stripped from the ends of a word before anything else (step 1).
EDGE_PUNCT = "\"'“”‘’()[]{}<>«»,;:…"
TRAIL_PUNCT = EDGE_PUNCT + ".?!"

WORD_SEPARATORS = re.compile(r"[\s\-–—/]+")
# Step 0: three or more single characters joined by one repeated separator ("i d i o t",
# "m.u.p.p.e.t", "w-a-n-k-e-r", "f_u_c_k") are one word. The run starts and ends at a word
# boundary: whitespace, a dash or '/', or the end ('.', ',', ';', ':', '!', '?' may follow).
SPACED = re.compile(r"(?<![^\s\-–—/])[^\s.\-_–—/]([ .\-_])(?:[^\s.\-_–—/]\1){1,}"
                    r"[^\s.\-_–—/](?=[\s.,;:!?\-–—/]|$)")


def fold(text: str) -> str:
    """Steps 1-2 on any text: NFKD, drop combining marks, map homoglyphs, lower-case."""
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.category(ch) == "Mn":
            continue
        ch = ch.lower()
        out.append(HOMOGLYPHS.get(ch, ch))
    return "".join(out)


def join_spaced(text: str) -> str:
    """Step 0: 'i d i o t' -> 'idiot', 'm.u.p.p.e.t' -> 'muppet'."""
    return SPACED.sub(lambda m: m.group(0).replace(m.group(1), ""), text)


def mapped(word: str) -> str:
    """Steps 1-4 of one word (no spaces inside): fold, strip edge punctuation, map look-alike
    symbols to letters, masks to '*', drop everything else. Empty if no letter is left."""
    w = fold(word)
    w = w.lstrip(EDGE_PUNCT).rstrip(TRAIL_PUNCT)
    chars = []
    for i, ch in enumerate(w):
        inner = 0 < i < len(w) - 1
        if ch in LEET:
            chars.append(LEET[ch])
        elif ch in MASKS and (inner or ch not in "?."):
            chars.append(MASK)
        elif ch.isalpha():
            chars.append(ch)
        # anything else (an apostrophe, a digit not in LEET, an emoji, '&') is dropped
    s = "".join(chars)
    return s if any(c != MASK for c in s) else ""


def collapse(s: str) -> str:
    """Step 5: each run of one repeated letter becomes that letter once; masks stay as they are."""
    return re.sub(r"([^*])\1+", r"\1", s)


def skeleton(word: str) -> str:
    """The matching key of one word: collapse(mapped(word))."""
    return collapse(mapped(word))


def lemma_keys(lemma: str) -> tuple[str, ...]:
    """The skeletons of a lemma's words, e.g. 'waste of space' -> ('waste', 'of', 'space')."""
    return tuple(k for k in (skeleton(p) for p in WORD_SEPARATORS.split(lemma)) if k)


def masked_matches(token_key: str, lemma_mapped: str) -> bool:
    """Step 6 for a word with masks ('m*pet', the skeleton of 'm*ppet'): it must start with a
    letter and keep at least two letters; each run of masks stands for one or more letters and
    each kept letter for one or more of itself, matched against the lemma word before step 5."""
    if token_key[0] == MASK or sum(c != MASK for c in token_key) < 2:
        return False
    pattern = "".join(".+" if p.startswith(MASK) else "".join(re.escape(c) + "+" for c in p)
                      for p in re.split(r"(\*+)", token_key) if p)
    return re.fullmatch(pattern, lemma_mapped) is not None


def tokens(text: str) -> list[tuple[str, int, int, int]]:
    """(skeleton, start, end, length before step 5) for each word of `text`; offsets are code
    points of `text` after step 0 (the Rust side keeps its own offsets into the original)."""
    text = join_spaced(text)
    out = []
    for m in re.finditer(r"[^\s\-–—/]+", text):
        mp = mapped(m.group(0))
        if mp:
            out.append((collapse(mp), m.start(), m.end(), len(mp)))
    return out


def word_forms(word: str) -> frozenset[tuple[str, str]]:
    """Step 7: (skeleton, form before step 5) of the spellings a lemma word matches: itself
    and, from three letters on, its plural ('muppets', 'wallies', 'twitches')."""
    spellings = {word}
    if len(word) >= 3 and word.isalpha():
        spellings |= {word + "s", word + "es"}
        if word.endswith("y"):
            spellings.add(word[:-1] + "ies")
    return frozenset((collapse(m), m) for m in map(mapped, spellings) if m)


class Matcher:
    """Finds lexicon lemmas in text after normalising both (the matching rules of the README)."""

    def __init__(self, lemmas):
        # Indexed by the first letter of the skeleton: every rule keeps a word's first letter.
        self.lemmas = {}
        self.closed = {}
        for lemma in lemmas:
            words = [w for w in WORD_SEPARATORS.split(lemma) if skeleton(w)]
            if not words:
                continue
            forms = [word_forms(w) for w in words]
            self.lemmas.setdefault(skeleton(words[0])[0], []).append((forms, lemma))
            if len(words) > 1:
                for form in word_forms(WORD_SEPARATORS.sub("", lemma)):
                    self.closed.setdefault(form[0][0], {}).setdefault(form, set()).add(lemma)

    @staticmethod
    def _word_matches(tok, forms):
        """Step 6: equal skeletons, and letters only ever repeated, never dropped (the word before
        step 5 is at least as long as the lemma word), so 'as' is not 'ass' but 'asss' is."""
        key, length = tok
        for form, form_mapped in forms:
            if length < len(form_mapped):
                continue
            if key == form or (MASK in key and masked_matches(key, form_mapped)):
                return True
        return False

    def find(self, text: str) -> list[str]:
        """Every lemma found in `text`, sorted."""
        toks = [(t[0], t[3]) for t in tokens(text)]
        found = set()
        for i, tok in enumerate(toks):
            initial = tok[0][0]
            for forms, lemma in self.lemmas.get(initial, []):
                if i + len(forms) <= len(toks) and all(
                        self._word_matches(toks[i + j], f) for j, f in enumerate(forms)):
                    found.add(lemma)
            for form, lemmas in self.closed.get(initial, {}).items():
                if self._word_matches(tok, [form]):
                    found.update(lemmas)
        return sorted(found)


# ---------------------------------------------------------------------------------------------
# The generator of obfuscated spellings: what people write to slip a word past a filter.

LEET_WRITE = {"a": "@4", "e": "3", "i": "1!", "l": "1", "o": "0", "s": "$5", "t": "7+", "g": "9"}
CYRILLIC_WRITE = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "i": "і", "x": "х", "y": "у"}


def obfuscations(lemma: str, rng: random.Random, n: int = 6) -> list[str]:
    """Up to `n` disguised spellings of `lemma`, one of each kind the normaliser undoes. Only
    the longest word (between spaces or hyphens) is disguised; separators are kept."""
    parts = re.split(r"([ -])", lemma)
    target = max(range(0, len(parts), 2), key=lambda i: len(parts[i]))
    word = parts[target]
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    variants = []

    def put(new_word):
        v = "".join(parts[:target] + [new_word] + parts[target + 1:])
        if v != lemma and v not in variants:
            variants.append(v)

    # 1. symbols for letters ('!' never last: trailing punctuation is stripped)
    subs = [i for i in letters if word[i] in LEET_WRITE]
    if subs:
        w = list(word)
        for i in rng.sample(subs, min(len(subs), rng.choice([1, 2]))):
            choices = LEET_WRITE[word[i]].replace("!", "") if i == len(word) - 1 else LEET_WRITE[word[i]]
            w[i] = rng.choice(choices)
        put("".join(w))
    # 2. asterisks for inner letters (first letter kept, at least two letters kept)
    inner = [i for i in letters if 0 < i < len(word) - 1]
    if len(word) >= 4 and inner:
        k = rng.randint(1, max(1, min(len(inner), len(letters) - 2)))
        start = rng.randint(0, len(inner) - k)
        w = list(word)
        for i in inner[start:start + k]:
            w[i] = "*"
        put("".join(w))
    # 3. a letter repeated
    if letters:
        i = rng.choice(letters)
        put(word[:i] + word[i] * rng.randint(3, 5) + word[i + 1:])
    # 4. spaced out with one separator
    if len(word) >= 3 and word.isalpha():
        put(rng.choice([" ", ".", "-", "_"]).join(word))
    # 5. mixed case
    put("".join(c.upper() if rng.random() < 0.5 else c for c in word).swapcase()
        if word.isalpha() else word.upper())
    # 6. a look-alike Cyrillic letter or an accent
    cyr = [i for i in letters if word[i] in CYRILLIC_WRITE]
    if cyr:
        i = rng.choice(cyr)
        put(word[:i] + CYRILLIC_WRITE[word[i]] + word[i + 1:])
    elif letters:
        i = rng.choice(letters)
        put(word[:i] + word[i] + "\u0301" + word[i + 1:])
    return variants[:n]
