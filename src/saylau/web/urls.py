"""URLs of the web app (included at the root by saylau.urls)."""

from django.contrib.auth.views import LogoutView
from django.urls import include, path

from saylau.web.api.views import MeView, TokenLoginView
from saylau.web.views import accounts, observe, pages

app_name = "web"

urlpatterns = [
    path("", pages.home, name="home"),
    path("accounts/login/", accounts.SaylauLoginView.as_view(), name="login"),
    path("accounts/logout/", LogoutView.as_view(), name="logout"),
    path("accounts/token/<str:token>/", accounts.token_login, name="token-login"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("observe/", observe.observe, name="observe"),
    path("observe/submissions/", observe.my_submissions, name="my-submissions"),
    path("observe/manifest.webmanifest", observe.manifest, name="manifest"),
    path("sw.js", observe.service_worker, name="service-worker"),
    path("api/accounts/me/", MeView.as_view(), name="api-me"),
    path("api/accounts/token-login/", TokenLoginView.as_view(), name="api-token-login"),
]
