"""kg.learn end to end with the real MiniLM encoder: train on hand-written sentences, export, load, predict."""

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.learn import load, read_records, score, train

FIXTURE = Path(__file__).parent / "fixtures" / "learn" / "train.jsonl"
EPOCHS = 8


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """Train once on the fixture (calibrating on it too: it is all the data there is)."""
    records = read_records(FIXTURE)
    out = tmp_path_factory.mktemp("learn") / "model"
    log = io.StringIO()
    started = time.monotonic()
    report = train(records, out, dev_records=records, epochs=EPOCHS, seed=7, progress=log)
    return records, out, report, log.getvalue(), time.monotonic() - started


def test_training_is_quick_and_writes_the_model_directory(trained):
    _, out, report, _, seconds = trained
    # About 10 s of epochs on an idle 2-core machine; the bound is loose because the machine is
    # shared (other suites oversubscribe the cores) and is meant to catch runaway step counts only.
    assert report.seconds < 600, f"{EPOCHS} epochs on 44 sentences took {report.seconds:.0f} s ({seconds:.0f} s in all)"
    names = {p.name for p in out.iterdir()}
    assert {"encoder.onnx", "heads.npz", "tokenizer.json", "config.json", "MODEL_CARD.md"} <= names
    assert "encoder.fp32.onnx" not in names  # kept only on request
    config = json.loads((out / "config.json").read_text())
    assert config["entity_types"] == ["Organization", "Person", "Place"]
    assert config["predicates"] == ["basedIn", "livesIn", "worksFor"]
    assert config["training_seed"] == 7 and config["epochs"] == EPOCHS and config["mentions"] == "model"
    assert 0.05 <= config["threshold"] <= 0.95 and config["relation_temperature"] > 0
    card = (out / "MODEL_CARD.md").read_text()
    assert "Apache-2.0" in card and "observed precision" in card and "relation F1" in card


def test_progress_writes_one_line_per_epoch_when_not_a_terminal(trained):
    log = trained[3]
    lines = log.splitlines()
    assert "\r" not in log
    assert [line.split()[1] for line in lines if line.startswith("epoch")] == [
        f"{n}/{EPOCHS}" for n in range(1, EPOCHS + 1)]
    assert "dev entity F1" in lines[0] and "relation F1" in lines[0]


def test_model_predicts_the_fixture_facts(trained):
    records, out, _, _, _ = trained
    model = load(out)
    given = score(model, records, gold_mentions=True)
    assert given["relation"]["f1"] >= 0.85, given
    own = score(model, records)
    assert own["entity"]["f1"] >= 0.8, own
    assert own["relation"]["f1"] >= 0.7, own


def test_given_mentions_skip_the_tagger_and_index_the_given_list(trained):
    model = load(trained[1])
    text = "Marta Quell, who lives in Dunmore, works for Halden Motors."
    mentions = [(45, 58, "Organization"), (0, 11, "Person"), (26, 33, "Place")]
    [prediction] = model.predict([text], [mentions])
    assert [(m.start, m.end, m.type, m.score) for m in prediction.mentions] == [m + (1.0,) for m in mentions]
    facts = {(r.head, r.tail, r.predicate) for r in prediction.relations}
    assert (1, 0, "worksFor") in facts and (1, 2, "livesIn") in facts
    every = model.predict([text], [mentions], all_probabilities=True)[0].relations
    assert len(every) == 6 * 3  # ordered pairs times predicates
    assert all(r.probability >= model.config.threshold for r in prediction.relations)


def test_long_text_is_split_and_offsets_stay_in_the_whole_text(trained):
    model = load(trained[1])
    sentence = "Tobias Renn lives in Calverton and works for Halden Motors. "
    text = sentence * 30  # about 400 pieces: more than one 200-piece window
    [prediction] = model.predict([text])
    found = {text[m.start:m.end] for m in prediction.mentions}
    assert {"Tobias Renn", "Calverton", "Halden Motors"} <= found
    assert max(m.end for m in prediction.mentions) > len(text) - len(sentence)


def test_save_load_round_trip_gives_identical_predictions(trained):
    records, out, report, _, _ = trained
    texts = [r.text for r in records]
    first = load(out).predict(texts, all_probabilities=True)
    second = load(out).predict(texts, all_probabilities=True)
    assert first == second
    assert score(load(out), records) == report.scores["int8"]


def test_inference_needs_no_torch(trained):
    code = ("import sys, kg.learn as L; p = L.load(sys.argv[1]).predict(['Ines Varga works for Halden Motors.']); "
            "assert 'torch' not in sys.modules and 'transformers' not in sys.modules; print(len(p[0].mentions))")
    done = subprocess.run([sys.executable, "-c", code, str(trained[1])], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 2


def test_same_seed_gives_the_same_weights():
    import random

    from kg.learn import training  # the torch side (kg.learn.train imports it lazily)
    from kg.learn.data import make_examples
    from kg.learn.net import JointModel
    from kg.learn.progress import Progress
    from kg.learn.text import PieceTokenizer

    records = read_records(FIXTURE)[:12]
    settings = training.Settings(epochs=1, seed=3)
    weights = []
    for _ in range(2):
        training.seed_everything(settings.seed, settings.threads)
        rng = random.Random(settings.seed)
        config = training._config(records, settings)
        tokenizer = PieceTokenizer(training.encoder_path() / "tokenizer.json")
        examples = make_examples(records, tokenizer, config.labels, config.entity_types, config.predicates,
                                 settings.max_pieces, rng)
        model = JointModel(training.encoder_path(), len(config.labels), len(config.entity_types),
                           len(config.predicates))
        training._fit(model, examples, None, tokenizer, config, settings, rng, Progress(None), False)
        weights.append({k: v.clone() for k, v in model.state_dict().items()})
    assert weights[0].keys() == weights[1].keys()
    changed = [k for k in weights[0] if not (weights[0][k] == weights[1][k]).all()]
    assert changed == []
