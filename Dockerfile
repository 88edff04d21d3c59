# Production image: gunicorn serving Django/Wagtail; configuration comes from the environment.
FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PORT=8000

RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg62-turbo zlib1g libwebp7 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 qatysu

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY --chown=qatysu:qatysu . .
# collectstatic needs secrets to import the production settings; these are used for nothing else.
RUN python locales/po.py compile \
    && SECRET_KEY=build-only-build-only-build-only-build-only-build-only-0000 \
    PB_DATA_KEY=build-only-build-only-build-only-0000 \
    PB_VOTER_HASH_KEY=build-only-build-only-build-only-0000 \
    python manage.py collectstatic --no-input

# The media volume (docker-compose.yml) starts as a copy of this folder: owned by the app's user, it can write uploads.
RUN mkdir -p /app/media && chown qatysu:qatysu /app/media

USER qatysu
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && gunicorn config.wsgi:application --bind 0.0.0.0:${PORT} --workers 3 --access-logfile -"]
