from fastapi import FastAPI

from app.routes import health, profile, reports, signup

app = FastAPI(title="example-service")
for module in (health, profile, reports, signup):
    app.include_router(module.router)
