"""The web application: its routes, each a page and its JSON twin (``/api/...``).

Every handler opens one session, reads through ``queries`` and renders; nothing writes. The
templates escape everything (Jinja2's autoescape): titles and sentences come from articles.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from monitor.alerts.render import is_link
from monitor.config import Settings
from monitor.store.figures import FigureRow, measure_history
from monitor.web import queries
from monitor.web.chart import point_kind, timeline_svg
from monitor.web.metrics import health, metrics_registry

HERE = Path(__file__).parent
DEFAULT_PAGE = 50
MAX_PAGE = 500
MAX_POINTS = 2000  # a timeline draws a measure's newest figures, at most this many


def create_app(settings: Settings, engine: Engine) -> Starlette:
    """Return the web view of ``engine``'s database for the watches of ``settings``."""
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(("html",), default=True),
    )
    # Jinja's urlencode keeps "/", which would split a watch name across path segments.
    templates.filters["q"] = lambda value: quote(str(value), safe="")
    templates.globals["is_link"] = is_link
    watches = [(watch.name, watch.query) for watch in settings.watches]
    sources = [source.name for source in settings.sources]
    registry = metrics_registry(engine)

    def page(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(templates.get_template(name).render(**context))

    def watch_names() -> set[str]:
        return {name for name, _ in watches}

    def index(request: Request) -> Response:
        with Session(engine) as session:
            summaries = queries.watch_summaries(session, watches)
        if _wants_json(request):
            return JSONResponse([s.to_json() for s in summaries])
        return page("index.html", watches=summaries)

    def watch(request: Request) -> Response:
        name = request.path_params["watch"]
        if name not in watch_names():
            raise HTTPException(404, f"no watch named {name!r}")
        with Session(engine) as session:
            measures = queries.measure_summaries(session, name)
        if _wants_json(request):
            return JSONResponse([m.to_json() for m in measures])
        return page("watch.html", watch=name, measures=measures)

    def measure(request: Request) -> Response:
        name = request.path_params["watch"]
        measure_name = request.query_params.get("name", "")
        with Session(engine) as session:
            rows, older = queries.measure_figures(
                session, watch=name, measure=measure_name, newest=MAX_POINTS
            )
            history = measure_history(session, measure_name, watch=name)
        if not rows:
            raise HTTPException(404, f"no measure {measure_name!r} in watch {name!r}")
        if _wants_json(request):
            return JSONResponse(
                {
                    "watch": name,
                    "measure": measure_name,
                    "points": [_point(row) for row in rows],
                    "older_left_out": older,
                }
            )
        return page(
            "measure.html",
            watch=name,
            measure=measure_name,
            chart=timeline_svg(rows),
            older=older,
            max_points=MAX_POINTS,
            history=history,
            unit=rows[0].unit,
        )

    def figures(request: Request) -> Response:
        with Session(engine) as session:
            try:
                found = queries.figures_page(
                    session,
                    watch=request.query_params.get("watch"),
                    measure=request.query_params.get("measure"),
                    after=_cursor(request),
                    limit=_limit(request),
                )
            except LookupError:
                # `monitor replay` decides a watch's figures again under new ids.
                raise HTTPException(400, "the cursor's figure is gone: start again") from None
        return JSONResponse(
            {"items": [row.to_json() for row in found.items], "next_cursor": found.next_cursor}
        )

    def alerts(request: Request) -> Response:
        with Session(engine) as session:
            found = queries.alerts_page(session, before=_cursor(request), limit=_limit(request))
        if _wants_json(request):
            return JSONResponse(
                {"items": [a.to_json() for a in found.items], "next_cursor": found.next_cursor}
            )
        return page(
            "alerts.html",
            alerts=found.items,
            next_cursor=found.next_cursor,
            pretty=lambda payload: json.dumps(payload, indent=2, ensure_ascii=False),
        )

    def article(request: Request) -> Response:
        with Session(engine) as session:
            detail = queries.article_detail(session, request.path_params["article_id"])
        if detail is None:
            raise HTTPException(404, "no such article")
        if _wants_json(request):
            return JSONResponse(detail.to_json())
        return page("article.html", article=detail, point_kind=point_kind)

    def source_list(request: Request) -> Response:
        with Session(engine) as session:
            rows = queries.source_health(session, sources, settings.health.rule())
        if _wants_json(request):
            return JSONResponse([row.to_json() for row in rows])
        return page("sources.html", sources=rows)

    def healthz(request: Request) -> Response:
        state = health(engine)
        return JSONResponse(state.to_json(), status_code=200 if state.ok else 503)

    def metrics(request: Request) -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    async def not_found(request: Request, error: Exception) -> Response:
        detail = error.detail if isinstance(error, HTTPException) else "not found"
        status = error.status_code if isinstance(error, HTTPException) else 404
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": detail}, status_code=status)
        return HTMLResponse(
            templates.get_template("error.html").render(status=status, detail=detail),
            status_code=status,
        )

    routes = [
        Route("/", index),
        Route("/watches/{watch}", watch),
        Route("/watches/{watch}/measure", measure),
        Route("/alerts", alerts),
        Route("/articles/{article_id:int}", article),
        Route("/sources", source_list),
        Route("/api/watches", index),
        Route("/api/watches/{watch}", watch),
        Route("/api/watches/{watch}/measure", measure),
        Route("/api/figures", figures),
        Route("/api/alerts", alerts),
        Route("/api/articles/{article_id:int}", article),
        Route("/api/sources", source_list),
        Route("/healthz", healthz),
        Route("/metrics", metrics),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: not_found})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _cursor(request: Request) -> int | None:
    raw = request.query_params.get("cursor")
    if raw is None or raw == "":
        return None
    if not _digits(raw, 18):
        raise HTTPException(400, "cursor must be the next_cursor a page gave")
    return int(raw)


def _limit(request: Request) -> int:
    raw = request.query_params.get("limit", str(DEFAULT_PAGE))
    if not _digits(raw, 3) or not 1 <= int(raw) <= MAX_PAGE:
        raise HTTPException(400, f"limit must be 1 to {MAX_PAGE}")
    return int(raw)


def _digits(raw: str, most: int) -> bool:
    # isdigit alone takes "²" and other digits int() refuses.
    return raw.isascii() and raw.isdigit() and len(raw) <= most


def _point(row: FigureRow) -> dict[str, object]:
    return {**row.to_json(), "kind": point_kind(row)}
