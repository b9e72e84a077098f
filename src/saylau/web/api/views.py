"""The web app's API: who am I, and token login for API clients.

``GET /api/accounts/me/`` answers anyone (the observer app checks its session
before sending its queue); ``POST /api/accounts/token-login/`` spends a
one-time token and opens a session. Both are throttled: the anonymous rate
for everyone, and the ``login`` scope (10 a minute) for token login.
"""

from __future__ import annotations

from django.contrib.auth import login
from django.middleware.csrf import get_token
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from saylau.web import services
from saylau.web.roles import user_role

_Me = inline_serializer("Me", {
    "authenticated": serializers.BooleanField(),
    "username": serializers.CharField(),
    "role": serializers.CharField(),
})


class MeView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(responses=_Me)
    def get(self, request):
        get_token(request)  # make sure the csrftoken cookie is set for the app
        user = request.user
        return Response({
            "authenticated": bool(user.is_authenticated),
            "username": user.get_username() if user.is_authenticated else "",
            "role": user_role(user),
        })


class TokenLoginSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=200)


class TokenLoginView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []  # no session yet: nothing to protect by CSRF
    throttle_classes = [AnonRateThrottle, ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(request=TokenLoginSerializer, responses={200: _Me, 400: None})
    def post(self, request):
        data = TokenLoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.redeem_login_token(raw=data.validated_data["token"])
        if user is None:
            return Response({"errors": {"token": ["not valid: used, expired or unknown"]}},
                            status=status.HTTP_400_BAD_REQUEST)
        login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response({"authenticated": True, "username": user.get_username(), "role": user_role(user)})
