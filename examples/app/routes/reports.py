import asyncio
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import Response

router = APIRouter()
REPORTS = Path("/srv/reports")


@router.get("/reports/{name}")
async def report(name: str) -> Response:
    body = await asyncio.to_thread((REPORTS / f"{name}.pdf").read_bytes)
    return Response(body, media_type="application/pdf")
