"""Issue 25: each shared vocabulary has one home — its codes in lienket.engine.vocabulary, its
labels in lienket.core.vocabulary — and no other module defines the list again."""

from __future__ import annotations

import re
from pathlib import Path

from lienket import refdata
from lienket.core.vocabulary import SizeClass, Stage
from lienket.engine import chains, matching
from lienket.engine.vocabulary import RANKED_SIZES, SIZE_CLASSES, STAGES, stage_words

SRC = Path(__file__).resolve().parents[2] / "src" / "lienket"


def test_the_labels_hold_exactly_the_codes_in_order():
    assert tuple(Stage.values) == STAGES
    assert tuple(SizeClass.values) == SIZE_CLASSES
    assert refdata.STAGES is STAGES and chains.STAGES is STAGES
    assert matching.SIZES == RANKED_SIZES


def test_stages_are_kept_in_the_chains_order_once_each():
    assert stage_words(["design", "raw_material", "design", "mining"]) == "raw_material design"


def test_no_module_writes_the_stage_list_again():
    literal = re.compile(r'"raw_material",\s*"processing",\s*"manufacturing"')
    homes = {SRC / "engine" / "vocabulary.py"}
    found = [
        str(p)
        for p in SRC.rglob("*.py")
        if "migrations" not in p.parts and p not in homes and literal.search(p.read_text())
    ]
    assert found == []


def test_one_result_type_for_every_table_import():
    # issue 25 - five importers had five result classes; now engine.io.tabular.Imported
    from lienket.cooperation import sheets as plans
    from lienket.engine.io.tabular import Imported
    from lienket.projects import iati, sheets
    from lienket.registry import importers
    from lienket.trade import figures

    for module, function in ((importers, "import_enterprises"), (importers, "import_relationships"),
                             (sheets, "import_projects"), (iati, "import_iati"),
                             (plans, "import_activities"), (figures, "import_figures")):  # fmt: skip
        assert getattr(module, function).__annotations__["return"] in ("Imported", Imported)
    # no importer defines a result class of its own any more (forms, queue models and the
    # trade store's record of a stored file are other things)
    defined = re.compile(r"^class (\w*Imported|\w*ImportResult|\w*Import)\b", re.M)
    found = {
        f"{p.relative_to(SRC)}:{m.group(1)}"
        for p in SRC.rglob("*.py")
        if "migrations" not in p.parts
        for m in defined.finditer(p.read_text())
    }
    assert found == {
        "engine/io/tabular/cells.py:Imported",
        "engine/trade/store/records.py:ImportResult",  # a stored trade file: its record, replaced
        "trade/models.py:TradeImport",  # a trade file job (core.models.Job)
    }


def test_one_job_state_vocabulary_one_job_model_one_runner():
    # issue 25 - three queue tables each had its own states (JobState, ImportState, State)
    # and its own runner; now core.models.JobState, core.models.Job and core.worker
    from lienket.core.jobs import queues
    from lienket.core.models import ImportJob, Job, JobState
    from lienket.reports.models import Report
    from lienket.trade.models import TradeImport

    states = re.compile(r'^\s+QUEUED = "queued"', re.M)
    runners = re.compile(r"^(def claim_oldest|class \w*Worker\b|def run_queues)", re.M)
    found_states, found_runners = set(), set()
    for p in SRC.rglob("*.py"):
        if "migrations" in p.parts:
            continue
        text = p.read_text()
        if states.search(text):
            found_states.add(str(p.relative_to(SRC)))
        found_runners |= {f"{p.relative_to(SRC)}:{m.group(1)}" for m in runners.finditer(text)}
    assert found_states == {"core/models.py"}
    assert found_runners == {"core/worker.py:class Worker"}  # the thread that runs django-tasks
    assert {q.model for q in queues()} == {ImportJob, TradeImport, Report}
    assert all(issubclass(q.model, Job) for q in queues())
    assert {f.name for f in Job._meta.fields} <= {f.name for f in Report._meta.fields}
    assert JobState.FAILED in TradeImport._meta.get_field("state").choices[3]
