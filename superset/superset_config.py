"""Superset configuration for browsing the local warehouse (local use only, never deployed).

Loaded through SUPERSET_CONFIG_PATH; SUPERSET_HOME (set by the Makefile or the e2e test) is the
git-ignored folder that holds Superset's own sqlite metadata, its log and its secret key.
"""

import importlib.util
import logging
import os

_here = os.path.dirname(os.path.abspath(__file__))
_home = os.environ.get("SUPERSET_HOME") or os.path.join(_here, ".home")

# secrets_store.py, beside this file, loaded by its path: Superset loads this file by path too,
# so its folder is not on sys.path in the server.
_spec = importlib.util.spec_from_file_location(
    "secrets_store", os.path.join(_here, "secrets_store.py")
)
_secrets_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_secrets_store)

# $SUPERSET_SECRET_KEY, else a random key generated on first run into the home (mode 0600).
SECRET_KEY = _secrets_store.secret_key(_home)
SQLALCHEMY_DATABASE_URI = f"sqlite:///{os.path.join(_home, 'superset.db')}?check_same_thread=false"
FILENAME = os.path.join(_home, "superset.log")
# Warnings and errors only: the terminal of `make superset` stays readable.
LOG_LEVEL = logging.WARNING

# No example data, no uploads into the warehouse connection, no background workers.
FEATURE_FLAGS = {"ALERT_REPORTS": False, "THUMBNAILS": False, "ENABLE_SUPERSET_META_DB": False}
CSV_EXPORT = {"encoding": "utf-8-sig"}

# No outside calls from the browser: Superset's pages embed a telemetry pixel (scarf) and may
# fetch map tiles and web fonts; this policy allows the server itself only, so they are blocked.
TALISMAN_ENABLED = True
TALISMAN_CONFIG = {
    "content_security_policy": {
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": "'none'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
        "script-src": ["'self'", "'strict-dynamic'"],
    },
    "content_security_policy_nonce_in": ["script-src"],
    "force_https": False,
    "session_cookie_secure": False,
}
THEME_FONT_URL_ALLOWED_DOMAINS: list[str] = []

# Nothing is cached, so a rebuilt warehouse shows at once.
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
