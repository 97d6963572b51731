"""Django settings for CLSanté.

Every setting that differs between installations comes from the environment;
docs/configuration.md lists them. Nothing secret is stored in the repository.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("CLSANTE_DATA_DIR", Path.cwd() / "var")).resolve()


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "oui"}


def _secret_key() -> str:
    """The key comes from the environment, or from a file generated on first run."""
    if key := os.environ.get("CLSANTE_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = _env_bool("CLSANTE_DEBUG")
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = os.environ.get("CLSANTE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("CLSANTE_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

# "etat": the State's design system (instances run by an ARS or a ministry);
# "neutre": same layout without the State's identity (collectivités, associations).
CLSANTE_THEME = os.environ.get("CLSANTE_THEME", "etat")
CLSANTE_NOM_OPERATEUR = os.environ.get("CLSANTE_NOM_OPERATEUR", "")

# Where the Code officiel géographique is read from (installed by npm at set-up).
GEO_SOURCE_DIR = Path(
    os.environ.get(
        "CLSANTE_GEO_SOURCE",
        Path.cwd() / "node_modules" / "@etalab" / "decoupage-administratif" / "data",
    )
)

# Department and region outlines drawn in the observatory's map (npm, installed at set-up).
SVG_MAPS_DIR = Path(os.environ.get("CLSANTE_SVG_MAPS", Path.cwd() / "node_modules" / "@svg-maps"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "dsfr",  # before django.forms: its widget templates must win
    "django.forms",
    "widget_tweaks",
    "django_htmx",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "clsante.core",
    "clsante.territoires",
    "clsante.organisations",
    "clsante.comptes",
    "clsante.contrats",
    "clsante.programme",
    "clsante.grille",
    "clsante.notifications",
    "clsante.bilan",
    "clsante.documents",
    "clsante.imports",
    "clsante.observatoire",
    "clsante.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "clsante.urls"
WSGI_APPLICATION = "clsante.wsgi.application"
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # A faster `{% url %}` (same syntax and behaviour) and a French `|pluralize`
            # (singular below 2) for every template.
            "builtins": [
                "clsante.core.templatetags.url_rapide",
                "clsante.core.templatetags.accords",
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clsante.core.context_processors.site",
                "clsante.observatoire.context_processors.donnees_synthetiques",
                "clsante.notifications.context_processors.notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'clsante.sqlite3'}",
        conn_max_age=int(os.environ.get("CLSANTE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "comptes.Utilisateur"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "comptes:connexion"
LOGIN_REDIRECT_URL = "programme:accueil"
LOGOUT_REDIRECT_URL = "comptes:connexion"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve the apps' static files directly (no collectstatic needed for `make run`).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "CLSANTE_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = DATA_DIR / "emails"
DEFAULT_FROM_EMAIL = os.environ.get("CLSANTE_FROM_EMAIL", "CLSanté <ne-pas-repondre@localhost>")
# Absolute address of the site, for links in e-mails.
CLSANTE_URL_SITE = os.environ.get("CLSANTE_URL_SITE", "http://127.0.0.1:8000")

# Producers of scheduled reminders, run by `clsante preparer_rappels` (and the worker):
# each is `produire(aujourdhui: date) -> int`, idempotent for a given day.
CLSANTE_RAPPELS = [
    "clsante.notifications.rappels.produire",
    "clsante.bilan.rappels.produire",
]

# Notices other apps add at the top of the home page: each is `f(request) -> str` (HTML or "").
CLSANTE_ENCARTS_ACCUEIL = ["clsante.bilan.encarts.fiches_a_completer"]
# Sections other apps add to a fiche's « Suivi » tab: each is `f(request, fiche) -> str`.
CLSANTE_ENCARTS_SUIVI = ["clsante.bilan.encarts.reponses_de_la_fiche"]

# Per-process memory cache: no cache service to run. It holds the observatory's aggregates
# and rendered fragments (keyed by data fingerprints, so never stale). 5,000 entries: the
# default 300 evicted the dashboards under load. Sessions stay in the database: with a
# per-process cache, a logout in one worker would not end the session in the others.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clsante",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # The observatory's results, shared by the server's processes through files (still no
    # service to run): a search or a dashboard computed by one worker is not computed
    # again by the others. Their keys are data fingerprints (`observatoire.versions`, at
    # most 2 s behind the data); each person's unread count lives here too.
    "partage": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "cache",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

CSRF_FAILURE_VIEW = "clsante.core.views.csrf_refuse"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("CLSANTE_HTTPS")
CSRF_COOKIE_SECURE = _env_bool("CLSANTE_HTTPS")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "clsante.observatoire.api.pagination.Pagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API de CLSanté",
    "DESCRIPTION": (
        "Lecture des contrats locaux de santé, de leurs fiches actions et des chiffres de "
        "l'observatoire. Chaque réponse respecte les droits de la personne connectée."
    ),
    "VERSION": "1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CLSANTE_LOG_LEVEL", "WARNING")},
}
