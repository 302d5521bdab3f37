FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir .
COPY . .
RUN useradd --system --uid 1000 almelo && chown -R almelo /app
USER almelo
EXPOSE 8000
CMD ["gunicorn", "almelo_sociaal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
