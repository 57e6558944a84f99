import requests

GEO_API = "https://ipapi.example.com/json"


def country_for_ip(ip: str) -> str | None:
    """Looks up the ISO country of an IP address."""
    resp = requests.get(f"{GEO_API}/{ip}", timeout=3)
    if resp.status_code != 200:
        return None
    return resp.json().get("country_code")
