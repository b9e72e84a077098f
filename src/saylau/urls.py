"""URL map: the admin, then every saylau app's own ``urls`` module (if it has one).

Each app's ``urls.py`` spells out its full paths (``results/...``,
``api/results/...``), so that apps can be added without editing this file.
"""

import importlib

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [path("admin/", admin.site.urls)]

for app in settings.INSTALLED_APPS:
    if app.startswith("saylau."):
        try:
            importlib.import_module(f"{app}.urls")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.urls":
                raise
            continue
        urlpatterns.append(path("", include(f"{app}.urls")))
