"""The web flow's guards, through the ASGI app (no worker needed): sign-in, CSRF, cookies, roles, limits."""

import re

import pytest
from fastapi.testclient import TestClient

from accesspub.desk import auth
from accesspub.desk.config import MAX_UPLOAD, DeskConfig
from accesspub.desk.jobs import Desk
from accesspub.desk.models import Event, Job, Release, User
from accesspub.desk.web import create_app

from .conftest import PASSWORD


@pytest.fixture
def desk(tmp_path):
    d = Desk(DeskConfig(data=tmp_path / "data"))
    with d.db.session() as s:
        auth.add_user(s, "erika", PASSWORD, "editor")
        auth.add_user(s, "otto", PASSWORD, "editor")
        auth.add_user(s, "petra", PASSWORD, "publisher")
    return d


def client(desk, secure=False) -> TestClient:
    return TestClient(create_app(desk.config, desk, secure_cookies=secure), base_url="http://127.0.0.1")


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(c: TestClient, name: str) -> str:
    page = c.get("/login")
    r = c.post("/login", data={"csrf": csrf_of(page.text), "username": name, "password": PASSWORD, "next": "/"})
    assert r.status_code == 200 and "Signed in as " + name in r.text
    return csrf_of(r.text)


def test_passwords_are_argon2_hashes(desk):
    with desk.db.session() as s:
        user = s.query(User).filter_by(username="erika").one()
        assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
        assert auth.authenticate(s, "erika", PASSWORD).id == user.id
        assert auth.authenticate(s, "erika", "wrong password!") is None
        assert auth.authenticate(s, "nobody", PASSWORD) is None
    with pytest.raises(ValueError, match="unknown role"):
        auth.check_roles("admin")


def test_pages_need_a_signed_in_user(desk):
    c = client(desk)
    for path in ("/", "/releases/new", "/releases/1", "/releases/1/preview/x/index.html", "/releases/1/source",
                 "/audit"):
        r = c.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login"), path


def test_wrong_password_is_announced_and_linked_to_the_field(desk):
    c = client(desk)
    r = c.post("/login", data={"csrf": csrf_of(c.get("/login").text), "username": "erika", "password": "nope"})
    assert r.status_code == 400
    assert 'role="alert"' in r.text and 'href="#field-password"' in r.text and 'aria-invalid="true"' in r.text


def test_every_form_needs_its_csrf_token(desk):
    c = client(desk)
    assert c.post("/login", data={"username": "erika", "password": PASSWORD}).status_code == 403
    sign_in(c, "erika")
    r = c.post("/releases", data={"text": "**Titel**\n\nText."}, follow_redirects=False)
    assert r.status_code == 403
    with desk.db.session() as s:
        assert s.query(Release).count() == 0


def test_session_cookie_flags(desk):
    c = client(desk)
    sign_in(c, "erika")
    r = c.post("/login", data={"csrf": csrf_of(c.get("/login").text), "username": "erika", "password": PASSWORD},
               follow_redirects=False)
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    s = client(desk, secure=True)
    r = s.get("/login")
    assert "; secure" in r.headers["set-cookie"].lower()


def test_security_headers(desk):
    r = client(desk).get("/login")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_an_editor_cannot_read_another_editors_release(desk):
    erika = client(desk)
    token = sign_in(erika, "erika")
    r = erika.post("/releases", data={"csrf": token, "text": "**Geheimer Titel**\n\nKassel, 3. März 2025\n\nText."})
    assert r.status_code == 200 and "Geheimer Titel" in r.text
    rid = int(str(r.url).rstrip("/").split("/")[-1])
    otto = client(desk)
    sign_in(otto, "otto")
    for path in (f"/releases/{rid}", f"/releases/{rid}/source", f"/releases/{rid}/review",
                 f"/releases/{rid}/preview/x/index.html", f"/releases/{rid}/jobs"):
        r = otto.get(path)
        assert r.status_code == 404 and "Geheimer Titel" not in r.text, path
    assert "Geheimer Titel" not in otto.get("/").text
    petra = client(desk)
    sign_in(petra, "petra")                 # a publisher reads every release
    assert petra.get(f"/releases/{rid}/source").content.startswith(b"**Geheimer Titel**")


def test_roles_guard_publishing_and_the_audit_log(desk):
    erika = client(desk)
    token = sign_in(erika, "erika")
    r = erika.post("/releases", data={"csrf": token, "text": "**Titel**\n\nText des Textes."})
    rid = int(str(r.url).rstrip("/").split("/")[-1])
    assert erika.post(f"/releases/{rid}/publish", data={"csrf": token, "when": "now"}).status_code == 403
    assert erika.get("/audit").status_code == 403
    with desk.db.session() as s:
        assert s.query(Job).filter_by(kind="publish").count() == 0
    petra = client(desk)
    ptoken = sign_in(petra, "petra")
    assert petra.post(f"/releases/{rid}/publish", data={"csrf": ptoken, "when": "now"}).status_code == 200
    with desk.db.session() as s:
        assert s.query(Job).filter_by(kind="publish").count() == 1
        actions = [(e.user.username, e.action) for e in s.query(Event).filter(Event.release_id == rid)]
    assert ("erika", "created") in actions and ("petra", "publish-requested") in actions
    assert "publish-requested" in petra.get("/audit").text


def test_uploads_are_limited_and_bad_sources_are_explained(desk):
    c = client(desk)
    token = sign_in(c, "erika")
    r = c.post("/releases", data={"csrf": token}, files={"file": ("big.docx", b"0" * (MAX_UPLOAD + 2**20 + 10))})
    assert r.status_code == 413
    r = c.post("/releases", data={"csrf": token}, files={"file": ("broken.docx", b"PK\x03\x04 not a zip")})
    assert r.status_code == 400 and "not a readable DOCX" in r.text and 'href="#field-file"' in r.text
    r = c.post("/releases", data={"csrf": token, "text": ""})
    assert r.status_code == 400 and "Choose a file" in r.text


def test_a_bad_date_is_an_error_on_its_field(desk, docx):
    c = client(desk)
    token = sign_in(c, "erika")
    r = c.post("/releases", data={"csrf": token}, files={"file": (docx.name, docx.read_bytes())})
    rid = int(str(r.url).rstrip("/").split("/")[-1])
    r = c.post(f"/releases/{rid}", data={"csrf": token, "title": "Neue Radwege", "date": "3.3.2025"})
    assert r.status_code == 400
    assert 'href="#field-date"' in r.text and 'id="error-date"' in r.text and 'aria-invalid="true"' in r.text
    assert "image has no text alternative" in r.text        # ATAG: the prompt for the missing alt text
