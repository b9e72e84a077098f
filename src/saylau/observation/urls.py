"""URLs of the observation app: the JSON API and the OpenRosa endpoints."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from saylau.observation.api import views as api
from saylau.observation.openrosa import views as openrosa

api_patterns = [
    path("forms/", api.FormList.as_view(), name="form-list"),
    path("forms/<str:form_id>/", api.FormDetail.as_view(), name="form-detail"),
    path("submissions/", api.SubmissionListCreate.as_view(), name="submission-list"),
    path("submissions/batch/", api.SubmissionBatch.as_view(), name="submission-batch"),
    path("submissions/<int:pk>/", api.SubmissionDetail.as_view(), name="submission-detail"),
    path("submissions/<int:pk>/files/<str:filename>", api.SubmissionFileDownload.as_view(), name="submission-file"),
    path("deployments/mine/", api.MyDeployment.as_view(), name="deployment-mine"),
    path("sms/", api.SmsWebhook.as_view(), name="sms"),
]
openrosa_patterns = [
    path("formList", openrosa.form_list, name="form-list"),
    path("forms/<str:form_id>/form.xml", openrosa.form_download, name="form"),
    path("forms/<str:form_id>/manifest", openrosa.form_manifest, name="manifest"),
    path("forms/<str:form_id>/media/<str:filename>", openrosa.form_media, name="media"),
    path("submission", openrosa.submission, name="submission"),
    re_path(r"^(?P<rest>.*)$", openrosa.not_found, name="not-found"),
]
urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/observation/", include((api_patterns, "observation-api"))),
    path("openrosa/", include((openrosa_patterns, "observation-openrosa"))),
    # the same with a device token in the URL, as ODK Central's app users (observation/api/auth.py)
    path("key/<str:token>/openrosa/", include((openrosa_patterns, "observation-openrosa-key"))),
]
