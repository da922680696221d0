"""The desk's web pages (FastAPI + Jinja2, plain forms; a small script only refreshes job progress)."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from starlette.middleware.sessions import SessionMiddleware

from ..renditions import names
from ..errors import SourceError
from . import auth, flow, source
from .config import MAX_UPLOAD, DeskConfig
from .jobs import Desk
from .models import Event, Release, User

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def embargo_local(value: str | None, tz: str) -> str:
    """A stored UTC embargo as the desk's local 'YYYY-MM-DDTHH:MM' (what a datetime-local field shows)."""
    import datetime as dt
    import zoneinfo
    if not value:
        return ""
    return dt.datetime.fromisoformat(value).astimezone(zoneinfo.ZoneInfo(tz)).strftime("%Y-%m-%dT%H:%M")


templates.env.globals["embargo_local"] = embargo_local
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
       "font-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
RENDITION_LABEL = {"html": "Page", "plain": "Plain language", "pdf": "PDF", "epub": "EPUB", "audio": "Audio",
                   "source": "Source", "site": "Site", "": "Other"}


class LoginRequired(Exception):
    pass


class Forbidden(Exception):
    pass


def create_app(config: DeskConfig, desk: Desk | None = None, secure_cookies: bool = False) -> FastAPI:
    desk = desk or Desk(config)
    app = FastAPI(title="accesspub press desk", version="1", docs_url="/api/docs", redoc_url=None,
                  openapi_url="/api/openapi.json")
    app.state.desk = desk
    app.add_middleware(SessionMiddleware, secret_key=config.secret_key(), session_cookie="desk_session",
                       max_age=8 * 3600, same_site="lax", https_only=secure_cookies)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_UPLOAD + 2**20:
            return Response(f"The upload is larger than {MAX_UPLOAD // 2**20} MB.", status_code=413)
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        if not request.url.path.startswith("/site"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc):
        return RedirectResponse("/login?next=" + quote(request.url.path), status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc):
        return page(request, "message.html", status_code=403, heading="Not allowed", text=str(exc))

    @app.exception_handler(LookupError)
    async def _missing(request: Request, exc):
        return page(request, "message.html", status_code=404, heading="Not found",
                    text="There is no such release, or you may not read it.")

    def user_of(request: Request) -> User | None:
        uid = request.session.get("user_id")
        if uid is None:
            return None
        with desk.db.session() as s:
            return s.get(User, uid)

    def signed_in(request: Request) -> User:
        user = user_of(request)
        if user is None:
            raise LoginRequired()
        return user

    def page(request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {
            "user": user_of(request), "csrf": auth.csrf_token(request.session), "label": RENDITION_LABEL, **ctx},
            status_code=status_code)

    async def posted(request: Request):
        """The form of a POST, after its CSRF token was checked."""
        form = await request.form(max_files=2, max_fields=2000, max_part_size=2 * 2**20)
        if not auth.csrf_ok(request.session, form.get("csrf")):
            raise Forbidden("The form has expired or did not come from this desk. Reload the page and send it again.")
        return form

    # --- signing in -----------------------------------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse)
    async def login_page(request: Request, next: str = "/"):
        return page(request, "login.html", next=next, errors={}, username="")

    @app.post("/login", response_class=HTMLResponse)
    async def login(request: Request):
        form = await posted(request)
        username, password = str(form.get("username", "")), str(form.get("password", ""))
        target = str(form.get("next") or "/")
        if not target.startswith("/") or target.startswith("//"):
            target = "/"
        with desk.db.session() as s:
            user = auth.authenticate(s, username, password)
            if user:
                request.session.clear()
                request.session["user_id"] = user.id
                auth.csrf_token(request.session)
                s.add(Event(user_id=user.id, action="signed-in", detail=request.client.host if request.client else ""))
                return RedirectResponse(target, status_code=303)
        return page(request, "login.html", status_code=400, next=target, username=username,
                    errors={"password": "The user name or the password is wrong."})

    @app.post("/logout")
    async def logout(request: Request):
        await posted(request)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    # --- releases -------------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse)
    async def home(request: Request):
        user = signed_in(request)
        with desk.db.session() as s:
            rows = [r for r in s.scalars(select(Release).order_by(Release.id.desc())) if auth.can_read(user, r)]
            items = [{"id": r.id, "title": r.latest.form.get("title"), "status": r.status, "version": r.latest.number,
                      "author": r.author.username, "changed": r.latest.created_at} for r in rows]
        return page(request, "home.html", releases=items)

    @app.get("/releases/new", response_class=HTMLResponse)
    async def new_page(request: Request):
        user = signed_in(request)
        if not user.has("editor"):
            raise Forbidden("Creating a release needs the role 'editor'.")
        return page(request, "new.html", errors={}, pasted="")

    @app.post("/releases", response_class=HTMLResponse)
    async def create(request: Request):
        user = signed_in(request)
        form = await posted(request)
        upload = form.get("file")
        pasted = str(form.get("text") or "")
        errors = {}
        name, data = None, b""
        if upload is not None and getattr(upload, "filename", ""):
            data = await upload.read(MAX_UPLOAD + 1)
            name = Path(upload.filename).name
            if len(data) > MAX_UPLOAD:
                errors["file"] = f"The file is larger than {MAX_UPLOAD // 2**20} MB. Save it without large images."
        elif pasted.strip():
            name, data = "pasted.md", pasted.encode("utf-8")
        else:
            errors["file"] = "Choose a file to upload, or paste the text of the release."
        if not errors:
            try:
                with desk.db.session() as s:
                    release = flow.create_release(s, desk, s.merge(user), name, data)
                    return RedirectResponse(f"/releases/{release.id}", status_code=303)
            except SourceError as exc:
                errors["file" if upload is not None and getattr(upload, "filename", "") else "text"] = \
                    exc.message + (f" Fix: {exc.fix}" if exc.fix else "")
            except flow.FormError as exc:
                errors["file"] = " ".join(exc.errors.values())
            except auth.AuthError as exc:
                raise Forbidden(str(exc)) from None
        return page(request, "new.html", status_code=400, errors=errors, pasted=pasted)

    def release_view(s, user: User, release: Release) -> dict:
        version = release.latest
        findings = {}
        for f in version.findings:
            findings.setdefault(f.rendition or "", []).append(f)
        order = ["source", "html", "plain", "pdf", "epub", "audio", "site", ""]
        grouped = [(r, sorted(findings[r], key=lambda f: {"error": 0, "warning": 1, "info": 2}[f.severity]))
                   for r in order if r in findings]
        images = source.images(version.body)
        for i, img in enumerate(images):
            img["index"] = i
        fixes = {}          # finding id → the form field that fixes it (ATAG B.3: the fix where the finding is)
        for f in version.findings:
            if "alt" in f.rule:
                img = next((img for img in images if Path(img["src"]).stem in f.location), None)
                if img is None and len(images) == 1:
                    img = images[0]
                if img:
                    fixes[f.id] = (f"#field-alt-{img['index']}", f"Write the text alternative of {img['src']}")
            elif f.rule == "no-date":
                fixes[f.id] = ("#field-date", "Enter the date")
        jobs = flow.jobs_of(s, version)
        report = version.report or {}
        preview = f"/releases/{release.id}/preview/{version.slug}/" if version.slug else None
        files = []
        if version.slug:
            folder = desk.config.preview_dir(release.id) / version.slug
            for name in ("html", *(n for n in names() if n != "html")):
                main = (report.get("renditions") or {}).get(name)
                if main is None and name == "html" and (folder / "index.html").exists():
                    main = "index.html"
                if main and (folder / main).exists():
                    files.append({"name": name, "href": preview + main, "file": main,
                                  "size": (folder / main).stat().st_size})
        events = list(s.scalars(select(Event).where(Event.release_id == release.id).order_by(Event.id.desc())))
        return {"release": release, "version": version, "grouped": grouped, "images": images, "jobs": jobs,
                "active": any(j.state in ("queued", "running") for j in jobs), "files": files, "report": report,
                "events": events, "signoff": flow.signoff_of(s, version),
                "can_edit": user.has("editor"), "can_publish": user.has("publisher"),
                "can_review": user.has("reviewer"), "fixes": fixes,
                "timezone": desk.config.timezone}

    @app.get("/releases/{rid}", response_class=HTMLResponse)
    async def show(request: Request, rid: int):
        user = signed_in(request)
        with desk.db.session() as s:
            release = flow.readable(s, user, rid)
            return page(request, "release.html", **release_view(s, user, release), errors={}, values=None,
                        notice=request.session.pop("notice", None))

    @app.get("/releases/{rid}/jobs", response_class=HTMLResponse)
    async def jobs_fragment(request: Request, rid: int):
        user = signed_in(request)
        with desk.db.session() as s:
            release = flow.readable(s, user, rid)
            return page(request, "_jobs.html", **release_view(s, user, release))

    @app.post("/releases/{rid}", response_class=HTMLResponse)
    async def save(request: Request, rid: int):
        user = signed_in(request)
        form = await posted(request)
        values = {k: str(form.get(k) or "") for k in source.FORM_FIELDS}
        alts = {str(form.get(f"alt-src-{i}")): str(form.get(f"alt-{i}") or "")
                for i in range(200) if form.get(f"alt-src-{i}") is not None}
        with desk.db.session() as s:
            release = flow.readable(s, user, rid)
            try:
                flow.save_version(s, desk, s.merge(user), release, values, str(form.get("body") or ""), alts,
                                  str(form.get("correction_note") or ""))
            except flow.FormError as exc:
                s.rollback()
                return page(request, "release.html", status_code=400, **release_view(s, user, release),
                            errors=exc.errors, values={**values, "body": form.get("body"),
                                                       "correction_note": form.get("correction_note"),
                                                       "alts": alts}, notice=None)
            except auth.AuthError as exc:
                raise Forbidden(str(exc)) from None
        request.session["notice"] = "Saved as a new version. The page preview is being built."
        return RedirectResponse(f"/releases/{rid}#status", status_code=303)

    @app.get("/releases/{rid}/review", response_class=HTMLResponse)
    async def review_page(request: Request, rid: int):
        user = signed_in(request)
        with desk.db.session() as s:
            release = flow.readable(s, user, rid)
            return page(request, "review.html", release=release, version=release.latest, errors={},
                        signoff=flow.signoff_of(s, release.latest), can_review=user.has("reviewer"))

    @app.post("/releases/{rid}/review", response_class=HTMLResponse)
    async def review(request: Request, rid: int):
        user = signed_in(request)
        form = await posted(request)
        with desk.db.session() as s:
            release = flow.readable(s, user, rid)
            lines = {k[5:]: str(v) for k, v in form.items() if k.startswith("line-")}
            try:
                flow.sign_off(s, desk, s.merge(user), release, lines)
            except flow.FormError as exc:
                s.rollback()
                return page(request, "review.html", status_code=400, release=release, version=release.latest,
                            errors=exc.errors, signoff=None, can_review=user.has("reviewer"))
            except auth.AuthError as exc:
                raise Forbidden(str(exc)) from None
        request.session["notice"] = "Plain version signed off. The renditions are built again."
        return RedirectResponse(f"/releases/{rid}#status", status_code=303)

    @app.post("/releases/{rid}/publish", response_class=HTMLResponse)
    async def publish(request: Request, rid: int):
        user = signed_in(request)
        form = await posted(request)
        with desk.db.session() as s:
            release = flow.readable(s, user, rid)
            try:
                flow.publish(s, desk, s.merge(user), release, str(form.get("when") or "now"))
            except flow.FormError as exc:
                s.rollback()
                return page(request, "release.html", status_code=400, **release_view(s, user, release),
                            errors=exc.errors, values=None, notice=None)
            except auth.AuthError as exc:
                raise Forbidden(str(exc)) from None
            scheduled = release.status == "scheduled"
        request.session["notice"] = "Scheduled: the release is published at its embargo time." if scheduled \
            else "Publishing: the release goes onto the site when its job has finished."
        return RedirectResponse(f"/releases/{rid}#status", status_code=303)

    @app.post("/releases/{rid}/unpublish", response_class=HTMLResponse)
    async def unpublish(request: Request, rid: int):
        user = signed_in(request)
        await posted(request)
        with desk.db.session() as s:
            release = flow.readable(s, user, rid)
            try:
                flow.unpublish(s, desk, s.merge(user), release)
            except auth.AuthError as exc:
                raise Forbidden(str(exc)) from None
        request.session["notice"] = "Unpublishing: the release leaves the site when its job has finished."
        return RedirectResponse(f"/releases/{rid}#status", status_code=303)

    @app.get("/releases/{rid}/preview/{path:path}")
    async def preview(request: Request, rid: int, path: str):
        user = signed_in(request)
        with desk.db.session() as s:
            flow.readable(s, user, rid)
        return serve_file(desk.config.preview_dir(rid), path)

    @app.get("/releases/{rid}/media/{path:path}")
    async def media(request: Request, rid: int, path: str):
        user = signed_in(request)
        with desk.db.session() as s:
            flow.readable(s, user, rid)
        if not path.lower().endswith((".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")):
            raise LookupError(path)
        return serve_file(desk.config.work_dir(rid), path)

    @app.get("/releases/{rid}/source")
    async def original(request: Request, rid: int):
        user = signed_in(request)
        with desk.db.session() as s:
            release = flow.readable(s, user, rid)
            v = release.latest
            return Response(v.source_bytes, media_type="application/octet-stream", headers={
                "Content-Disposition": f"attachment; filename*=UTF-8''{quote(v.source_name)}"})

    # --- office ---------------------------------------------------------------------------------------------
    @app.get("/audit", response_class=HTMLResponse)
    async def audit(request: Request):
        user = signed_in(request)
        if not user.has("publisher"):
            raise Forbidden("The audit log needs the role 'publisher'.")
        with desk.db.session() as s:
            events = list(s.scalars(select(Event).order_by(Event.id.desc()).limit(500)))
            for e in events:
                _ = e.user
            return page(request, "audit.html", events=events)

    @app.get("/tokens", response_class=HTMLResponse)
    async def tokens_page(request: Request):
        user = signed_in(request)
        if not user.has("publisher"):
            raise Forbidden("API tokens need the role 'publisher'.")
        from .models import ApiToken
        with desk.db.session() as s:
            rows = list(s.scalars(select(ApiToken).order_by(ApiToken.id)))
            return page(request, "tokens.html", tokens=rows, new_token=request.session.pop("new_token", None),
                        errors={})

    @app.post("/tokens", response_class=HTMLResponse)
    async def new_token(request: Request):
        user = signed_in(request)
        form = await posted(request)
        if not user.has("publisher"):
            raise Forbidden("API tokens need the role 'publisher'.")
        name = " ".join(str(form.get("name") or "").split())
        hook = str(form.get("webhook_url") or "").strip()
        errors = {}
        if not name:
            errors["name"] = "Name the integration, e.g. 'CMS'."
        if hook and not hook.startswith(("http://", "https://")):
            errors["webhook_url"] = "Enter an http:// or https:// address, or leave it empty."
        if errors:
            from .models import ApiToken
            with desk.db.session() as s:
                return page(request, "tokens.html", status_code=400, tokens=list(s.scalars(select(ApiToken))),
                            new_token=None, errors=errors)
        with desk.db.session() as s:
            request.session["new_token"] = auth.new_api_token(s, name, s.merge(user), hook)
        return RedirectResponse("/tokens#new-token", status_code=303)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    config.out.mkdir(parents=True, exist_ok=True)
    app.mount("/site", StaticFiles(directory=str(config.out), html=True), name="site")

    from .api import router
    app.include_router(router)
    return app


def serve_file(root: Path, path: str) -> Response:
    """A file below `root`, never outside it; index.html for a folder."""
    root = root.resolve()
    target = (root / path).resolve()
    if root not in target.parents and target != root:
        raise LookupError(path)
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        raise LookupError(path)
    media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return FileResponse(target, media_type=media)
