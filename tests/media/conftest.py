"""Fixtures of the media tests: a small simulated election loaded through the services."""

from __future__ import annotations

import pytest

from saylau.core.actors import Actor

ACTOR = Actor.system("media-tests")


def build_election():
    from saylau.simulate import simulate
    from saylau.simulate.load import load

    sim = simulate("kz-2011", scale=0.002, seed=2011)
    return sim, load(sim, actor=ACTOR)


@pytest.fixture
def world(db):
    return build_election()


OUTLETS_CSV = ("code,name_en,name_ru,name_kk,kind,ownership,language,timezone\n"
               "TV1,Channel One,Первый канал,Бірінші арна,tv,state,kk,Asia/Almaty\n"
               "NP1,The Paper,Газета,Газет,print,private,ru,Asia/Almaty\n")
