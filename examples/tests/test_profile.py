import time

import pytest


@pytest.mark.asyncio
async def test_profile_is_cached(client) -> None:
    await client.get("/profile/1")
    time.sleep(0.1)
    assert (await client.get("/profile/1")).status_code == 200
