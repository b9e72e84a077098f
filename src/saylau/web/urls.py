"""URLs of the web app (included at the root by saylau.urls)."""

from django.contrib.auth.views import LogoutView
from django.urls import include, path

from saylau.web.api.views import MeView, TokenLoginView
from saylau.web.views import accounts, dashboards, entry, observe, pages, portal

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
    path("dashboards/", dashboards.index, name="dashboards"),
    path("dashboards/coverage/", dashboards.coverage, name="dashboard-coverage"),
    path("dashboards/findings/", dashboards.findings, name="dashboard-findings"),
    path("dashboards/findings/<str:metric_id>/<str:part>/", dashboards.finding_detail,
         name="dashboard-finding-rows"),
    path("dashboards/incidents/", dashboards.incidents, name="dashboard-incidents"),
    path("dashboards/quality/", dashboards.quality, name="dashboard-quality"),
    path("dashboards/quality/<int:submission_id>/review/", dashboards.review, name="dashboard-review"),
    path("dashboards/results/", dashboards.results, name="dashboard-results"),
    path("dashboards/forensics/", dashboards.forensics, name="dashboard-forensics"),
    path("dashboards/forensics/fingerprint.png", dashboards.fingerprint_png, name="dashboard-fingerprint"),
    path("dashboards/quick-count/", dashboards.quickcount, name="dashboard-quickcount"),
    path("dashboards/statement/", dashboards.statement, name="dashboard-statement"),
    path("dashboards/statement/statement.css", dashboards.statement_css, name="dashboard-statement-css"),
    path("dashboards/statement/statement-<str:lang>.html", dashboards.statement_download,
         name="dashboard-statement-download"),
    path("entry/", entry.index, name="entry"),
    path("entry/stations/<str:code>/", entry.station, name="entry-station"),
    path("entry/keyed/<int:pk>/", entry.keyed, name="entry-keyed"),
    path("entry/compare/", entry.compare, name="entry-compare"),
    path("entry/compare/<str:code>/<str:action>/", entry.review, name="entry-review"),
    path("entry/protocols/<int:pk>/", entry.protocol_page, name="entry-protocol"),
    path("entry/protocols/<int:pk>/correct/", entry.correct, name="entry-correct"),
    path("portal/", portal.portal, name="portal"),
    path("portal/stations/<str:code>/", portal.station, name="portal-station"),
    path("portal/open-data/<str:table>.<str:fmt>", portal.open_data, name="portal-open-data"),
    path("api/accounts/me/", MeView.as_view(), name="api-me"),
    path("api/accounts/token-login/", TokenLoginView.as_view(), name="api-token-login"),
]
