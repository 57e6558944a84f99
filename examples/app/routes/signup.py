from fastapi import APIRouter, Request

from app.services.geo import country_for_ip

router = APIRouter()


@router.post("/signup")
async def signup(request: Request) -> dict:
    form = await request.json()
    country = country_for_ip(request.client.host)
    return {"email": form["email"], "country": country}
