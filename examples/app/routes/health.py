import httpx
from fastapi import APIRouter

router = APIRouter()


@router.get("/healthz")
async def healthz() -> dict:
    async with httpx.AsyncClient(timeout=2.0) as client:
        upstream = await client.get("http://billing.internal/healthz")
    return {"ok": True, "billing": upstream.status_code == 200}
