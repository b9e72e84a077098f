"""The home page: what each role can do from here."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from saylau.web.navigation import links_for
from saylau.web.roles import user_role


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {
        "role": user_role(request.user),
        "links": links_for(request.user),
    })
