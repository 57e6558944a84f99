import requests
from fastapi import APIRouter

router = APIRouter()
PROFILE_API = "https://api.example.com/users"


@router.get("/profile/{user_id}")
async def fetch_profile(user_id: str) -> dict:
    response = requests.get(f"{PROFILE_API}/{user_id}", timeout=5)
    return response.json()
