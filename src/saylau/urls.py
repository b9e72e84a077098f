"""URL map: the admin, then every saylau app's own ``urls`` module (if it has one).

Each app's ``urls.py`` spells out its full paths (``results/...``,
``api/results/...``), so that apps can be added without editing this file.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from saylau.core import plugins

urlpatterns = [path("admin/", admin.site.urls)]
urlpatterns += [
    path("", include(module))
    for module in plugins.submodules("urls", [app for app in settings.INSTALLED_APPS if app.startswith("saylau.")])
]
