"""The API for a CMS: submit a release, poll its jobs, fetch its renditions and findings (OpenAPI at
/api/docs). Each integration has its own token (Authorization: Bearer …), acting as a desk account with
that account's roles; a webhook, when the token has one, is called when the renditions and checks are done."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from ..renditions import names
from ..errors import SourceError
from . import auth, flow
from .config import MAX_UPLOAD
from .models import ApiToken, User

router = APIRouter(prefix="/api", tags=["releases"])
bearer = HTTPBearer(auto_error=False, description="The integration's API token")


class JobOut(BaseModel):
    id: int
    kind: str
    state: str
    progress: str
    attempts: int
    error: str | None = None
    seconds: float | None = None


class FindingOut(BaseModel):
    check: str
    rendition: str
    rule: str
    severity: str
    message: str
    location: str


class ReleaseOut(BaseModel):
    id: int
    status: str
    version: int
    title: str
    slug: str | None
    publish_at: dt.datetime | None
    done: bool
    """Every job of the newest version has finished (done, failed or skipped)."""
    jobs: list[JobOut]
    renditions: dict[str, str]
    """Rendition name → URL of its main file (below /api/releases/{id}/renditions/)."""
    counts: dict[str, int] | None
    public_url: str | None


def caller(request: Request, creds: HTTPAuthorizationCredentials | None = Depends(bearer)) -> tuple[ApiToken, User]:
    if creds is None:
        raise HTTPException(401, "send the integration's token: Authorization: Bearer ap_…",
                            headers={"WWW-Authenticate": "Bearer"})
    with request.app.state.desk.db.session() as s:
        found = auth.token_user(s, creds.credentials)
        if not found:
            raise HTTPException(401, "unknown API token", headers={"WWW-Authenticate": "Bearer"})
        return found


def _release_out(request: Request, s, release) -> ReleaseOut:
    desk = request.app.state.desk
    v = release.latest
    jobs = flow.jobs_of(s, v)
    renditions = {}
    if v.report:
        renditions = {n: f"/api/releases/{release.id}/renditions/{n}" for n in (v.report.get("renditions") or {})}
    return ReleaseOut(
        id=release.id, status=release.status, version=v.number, title=v.form.get("title", ""), slug=v.slug,
        publish_at=release.publish_at, done=bool(jobs) and all(j.state not in ("queued", "running") for j in jobs),
        jobs=[JobOut(id=j.id, kind=j.kind, state=j.state, progress=j.progress, attempts=j.attempts, error=j.error,
                     seconds=j.seconds) for j in jobs],
        renditions=renditions, counts=(v.report or {}).get("counts"),
        public_url=(desk.config.settings.site.url.rstrip("/") + f"/{release.published_slug}/")
        if release.published_slug else None)


@router.post("/releases", response_model=ReleaseOut, status_code=201,
             summary="Submit a release (DOCX, ODT, Markdown, HTML or text); optionally publish it")
async def submit(request: Request, file: UploadFile = File(...), title: str = Form(""), date: str = Form(""),
                 place: str = Form(""), lang: str = Form(""), embargo: str = Form(""), plain_level: str = Form(""),
                 publish: str = Form("", description="'now', 'embargo' (at the embargo time) or empty (draft)"),
                 who: tuple[ApiToken, User] = Depends(caller)):
    token, user = who
    desk = request.app.state.desk
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise HTTPException(413, f"the file is larger than {MAX_UPLOAD // 2**20} MB")
    if publish not in ("", "now", "embargo"):
        raise HTTPException(422, "publish must be 'now', 'embargo' or empty")
    form = {"title": title, "date": date, "place": place, "lang": lang, "embargo": embargo, "plain_level": plain_level}
    try:
        with desk.db.session() as s:
            release = flow.create_release(s, desk, s.merge(user), file.filename or "release.md", data,
                                          token=s.merge(token), form=form)
            if publish:
                flow.publish(s, desk, s.merge(user), release, publish)
            s.flush()
            return _release_out(request, s, release)
    except SourceError as exc:
        raise HTTPException(422, str(exc)) from None
    except flow.FormError as exc:
        raise HTTPException(422, exc.errors) from None
    except auth.AuthError as exc:
        raise HTTPException(403, str(exc)) from None


def _readable(s, who: tuple[ApiToken, User], rid: int):
    """The release the caller may read, or 404 (a release of another office is not there for it)."""
    try:
        return flow.readable(s, s.merge(who[1]), rid)
    except LookupError:
        raise HTTPException(404, "no such release") from None


@router.get("/releases/{rid}", response_model=ReleaseOut, summary="A release, its jobs and renditions")
def get_release(request: Request, rid: int, who: tuple[ApiToken, User] = Depends(caller)):
    with request.app.state.desk.db.session() as s:
        release = _readable(s, who, rid)
        return _release_out(request, s, release)


@router.get("/releases/{rid}/findings", response_model=list[FindingOut], summary="What the checks found")
def findings(request: Request, rid: int, who: tuple[ApiToken, User] = Depends(caller)):
    with request.app.state.desk.db.session() as s:
        release = _readable(s, who, rid)
        return [FindingOut(check=f.check, rendition=f.rendition, rule=f.rule, severity=f.severity, message=f.message,
                           location=f.location) for f in release.latest.findings]


@router.get("/releases/{rid}/renditions/{name}", summary="The main file of a rendition",
            responses={200: {"content": {"application/octet-stream": {}}}})
def rendition(request: Request, rid: int, name: str, who: tuple[ApiToken, User] = Depends(caller)):
    desk = request.app.state.desk
    if name not in names():
        raise HTTPException(404, f"no rendition '{name}'; choose from {', '.join(names())}")
    with desk.db.session() as s:
        release = _readable(s, who, rid)
        v = release.latest
        main = (v.report or {}).get("renditions", {}).get(name)
        if not main:
            raise HTTPException(404, f"the {name} rendition is not built (yet)")
        path = desk.config.preview_dir(rid) / v.slug / main
    if not path.is_file():
        raise HTTPException(404, f"the {name} rendition is not built (yet)")
    import mimetypes
    return FileResponse(path, media_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream",
                        filename=path.name)
