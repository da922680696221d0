"""The API a CMS uses: token auth, submit, poll, fetch renditions and findings, and the webhook when done."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from accesspub.desk import auth
from accesspub.desk.db import Database

from .conftest import PASSWORD
from .test_worker import wait_for


class Hooks(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hooks.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook_server():
    Hooks.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hooks)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", Hooks.received
    server.shutdown()


def test_a_cms_submits_polls_fetches_and_is_called_back(desk_processes, docx, webhook_server):
    hook_url, received = webhook_server
    procs = desk_processes()
    made = procs.cli("adduser", "cms-konto", "--role", "editor,publisher", "--password", PASSWORD)
    assert made.returncode == 0, made.stderr
    with Database(procs.config.db_url).session() as s:
        user = s.query(auth.User).filter_by(username="cms-konto").one()
        token = auth.new_api_token(s, "Website-CMS", user, hook_url)
    url = procs.start_web()
    procs.start_worker()
    api = httpx.Client(base_url=url + "/api", timeout=30)

    assert api.get("/releases/1").status_code == 401
    assert api.get("/releases/1", headers={"Authorization": "Bearer ap_wrong"}).status_code == 401
    spec = httpx.get(url + "/api/openapi.json").json()
    assert {"/api/releases", "/api/releases/{rid}", "/api/releases/{rid}/findings"} <= set(spec["paths"])

    headers = {"Authorization": f"Bearer {token}"}
    r = api.post("/releases", headers=headers, files={"file": (docx.name, docx.read_bytes())},
                 data={"place": "Kassel", "lang": "de"})
    assert r.status_code == 201, r.text
    release = r.json()
    assert release["title"] == "Neue Radwege für Nordhessen" and release["status"] == "draft"
    rid = release["id"]

    done = wait_for(lambda: (j := api.get(f"/releases/{rid}", headers=headers).json())["done"] and
                    any(x["kind"] == "build" for x in j["jobs"]) and j, 600, "the release's jobs")
    assert {j["kind"]: j["state"] for j in done["jobs"]} == {"preview": "done", "build": "done", "plain": "done"}
    assert set(done["renditions"]) == {"html", "plain", "plain-audio", "pdf", "epub", "audio"}
    pdf = httpx.get(url + done["renditions"]["pdf"], headers=headers, timeout=30)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    page = httpx.get(url + done["renditions"]["html"], headers=headers, timeout=30)
    assert "Neue Radwege für Nordhessen" in page.text

    findings = api.get(f"/releases/{rid}/findings", headers=headers).json()
    assert any(f["rule"] == "image-alt" and f["severity"] == "error" for f in findings)

    wait_for(lambda: received, 30, "the webhook")
    hook_headers, body = received[0]
    event = json.loads(body)
    assert event["event"] == "release.built" and event["release"] == rid and event["counts"]["error"] >= 1
    expected = hmac.new(hashlib.sha256(token.encode()).hexdigest().encode(), body, hashlib.sha256).hexdigest()
    assert hook_headers["X-Accesspub-Signature"] == f"sha256={expected}"

    assert api.get("/releases/999", headers=headers).status_code == 404
    assert api.get(f"/releases/{rid}/renditions/nonsense", headers=headers).status_code == 404
