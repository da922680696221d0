"""Objects kept in the user cache (kept.py): made once, loaded after; a damaged or unwritable cache is no error."""

from accesspub.kept import kept
from accesspub.plain import nouns


def test_made_once_then_loaded_and_remade_when_the_key_or_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = []

    def make():
        made.append(1)
        return {"Plattform": frozenset({("f", "sg", "nom")}), "n": len(made)}

    first = kept("table", "v1", make)
    again = kept("table", "v1", make)
    assert again == first and len(made) == 1                  # the second came from the cache
    assert kept("table", "v2", make)["n"] == 2                # another key: made again
    for p in (tmp_path / "accesspub").glob("table-*.pickle"):
        p.write_bytes(b"not a pickle")                         # damaged: made again, and replaced
    assert kept("table", "v1", make)["n"] == 3
    assert kept("table", "v1", make)["n"] == 3
    assert not list((tmp_path / "accesspub").glob(".*.part"))


def test_an_unwritable_cache_still_gives_the_object(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("the cache folder cannot be made inside a file")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    made = []
    assert kept("t", "k", lambda: made.append(1) or [1, 2]) == [1, 2]
    assert kept("t", "k", lambda: made.append(1) or [1, 2]) == [1, 2]
    assert len(made) == 2                                      # nothing kept, made each time, no error


def test_the_noun_lexicon_from_the_cache_is_the_lexicon_from_its_csv(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    nouns._tables.cache_clear()
    try:
        made = nouns._tables()                                  # read from the CSV, then stored
        nouns._tables.cache_clear()
        loaded = nouns._tables()                                # from the cache
        assert loaded[0] == made[0] and loaded[1] == made[1] and loaded[2] == made[2]
        assert ("n", "sg", "gen") in loaded[0]["Bündnisses"] and "Plattform" in loaded[1]
    finally:
        nouns._tables.cache_clear()
        nouns._index.cache_clear()
