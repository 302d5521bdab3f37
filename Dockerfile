# The application image for web, worker, beat and the one-shot migrate service (docker-compose.yml).
FROM python:3.11.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# WeasyPrint (PDF beschikkingen) renders with Pango; DejaVu is the letters' font (static/letters).
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
        fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
# Every Python package, transitive ones included, from the hash-locked list (make lock); nothing floats.
COPY requirements/production.txt requirements/production.txt
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements/production.txt
COPY . .
# Static files are collected into the image (hashed names for the manifest): no process collects at start-up.
# The build needs no secret and no database: a throwaway key, SQLite in memory, nothing is served.
RUN DJANGO_DEBUG=0 SECRET_KEY=collectstatic-at-build-only DATABASE_URL=sqlite:///:memory: \
    python manage.py collectstatic --noinput
RUN useradd --system --uid 1000 almelo && chown -R almelo /app
USER almelo
EXPOSE 8000
CMD ["gunicorn", "almelo_sociaal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
