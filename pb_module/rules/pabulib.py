"""Read and write pabulib `.pb` files (https://pabulib.org format: META, PROJECTS, VOTES sections).

Plain Python. Costs and the budget are exact Fractions (files may give decimals). Errors name the
line and the reason, so a bad file can be fixed and nothing half-read is used.
"""

import csv
import io
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

SECTIONS = ("META", "PROJECTS", "VOTES")
VOTE_TYPES = ("approval", "ordinal", "cumulative", "scoring", "choose-1")


class PabulibError(ValueError):
    """A malformed file: `line` is 1-based (0 when the problem is the whole file)."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}" if line else reason)
        self.line, self.reason = line, reason


@dataclass
class Project:
    project_id: str
    cost: Fraction
    name: str = ""
    fields: dict[str, str] = field(default_factory=dict)  # every column as written, for round trips


@dataclass
class Vote:
    voter_id: str
    projects: list[str]  # in the file's order (for ordinal ballots: most preferred first)
    points: list[int] | None = None  # cumulative and scoring ballots
    fields: dict[str, str] = field(default_factory=dict)

    def scores(self) -> dict[str, int]:
        """Project id -> points this voter gives (1 for approval and choose-1)."""
        if self.points is None:
            return dict.fromkeys(self.projects, 1)
        return dict(zip(self.projects, self.points, strict=True))


@dataclass
class Election:
    meta: dict[str, str]
    projects: dict[str, Project]
    votes: list[Vote]
    project_columns: list[str] = field(default_factory=list)
    vote_columns: list[str] = field(default_factory=list)

    @property
    def budget(self) -> Fraction:
        return Fraction(self.meta["budget"])

    @property
    def vote_type(self) -> str:
        return self.meta.get("vote_type", "approval")

    @property
    def rule(self) -> str:
        return self.meta.get("rule", "")

    @property
    def selected(self) -> list[str] | None:
        """The official winners as the file records them (`selected` not 0), or None without that column."""
        if "selected" not in self.project_columns:
            return None
        return [pid for pid, p in self.projects.items() if p.fields.get("selected", "0").strip() not in ("", "0")]


def _number(text: str, line: int, what: str) -> Fraction:
    try:
        return Fraction(text.strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        raise PabulibError(line, f"{what} is not a number: {text!r}") from None


def read(text: str) -> Election:
    """Parse the text of a .pb file; raise PabulibError with the line number of the first problem."""
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    section, header, header_line = None, None, 0
    meta, projects, votes = {}, {}, []
    project_columns, vote_columns = [], []
    seen = []
    for number, row in enumerate(rows, start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) == 1 and row[0].strip() in SECTIONS:
            section, header = row[0].strip(), None
            if section in seen:
                raise PabulibError(number, f"section {section} appears twice")
            seen.append(section)
            continue
        if section is None:
            raise PabulibError(number, "the file must start with META")
        if header is None:
            header, header_line = [c.strip() for c in row], number
            if section == "PROJECTS":
                project_columns = header
                for needed in ("project_id", "cost"):
                    if needed not in header:
                        raise PabulibError(number, f"PROJECTS has no {needed} column")
            elif section == "VOTES":
                vote_columns = header
                for needed in ("voter_id", "vote"):
                    if needed not in header:
                        raise PabulibError(number, f"VOTES has no {needed} column")
            continue
        if len(row) != len(header):
            raise PabulibError(number, f"{len(row)} fields where the header on line {header_line} has {len(header)}")
        values = dict(zip(header, row, strict=True))
        if section == "META":
            meta[row[0].strip()] = row[1].strip() if len(row) > 1 else ""
        elif section == "PROJECTS":
            pid = values["project_id"].strip()
            if pid in projects:
                raise PabulibError(number, f"project {pid} is listed twice")
            projects[pid] = Project(
                pid, _number(values["cost"], number, f"the cost of project {pid}"), values.get("name", ""), values
            )
        else:
            votes.append(_vote(values, number, projects))
    missing = [s for s in SECTIONS if s not in seen]
    if missing:
        raise PabulibError(0, f"missing section {', '.join(missing)}")
    if "budget" not in meta:
        raise PabulibError(0, "META has no budget")
    _number(meta["budget"], 0, "the budget")
    if meta.get("vote_type", "approval") not in VOTE_TYPES:
        raise PabulibError(0, f"unknown vote_type {meta.get('vote_type')!r}")
    return Election(meta, projects, votes, project_columns, vote_columns)


def _vote(values: dict, line: int, projects: dict) -> Vote:
    voter = values["voter_id"].strip()
    chosen = [p.strip() for p in values["vote"].split(",") if p.strip()]
    for pid in chosen:
        if pid not in projects:
            raise PabulibError(line, f"voter {voter} votes for unknown project {pid}")
    if len(set(chosen)) != len(chosen):
        raise PabulibError(line, f"voter {voter} lists a project twice")
    points = None
    if values.get("points", "").strip():
        raw = [p.strip() for p in values["points"].split(",")]
        if len(raw) != len(chosen):
            raise PabulibError(line, f"voter {voter} has {len(raw)} points for {len(chosen)} projects")
        try:
            points = [int(p) for p in raw]
        except ValueError:
            raise PabulibError(line, f"voter {voter} has points that are not whole numbers") from None
    return Vote(voter, chosen, points, values)


def read_file(path: str | Path) -> Election:
    """Read a .pb file; a file that is not UTF-8 is refused with the line of the first bad byte."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PabulibError(data[: error.start].count(b"\n") + 1, "the file is not UTF-8 text") from None
    return read(text)


def _number_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def write(election: Election) -> str:
    """The election as .pb text (projects and votes keep every column they were read with)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    for key, value in election.meta.items():
        writer.writerow([key, value])
    writer.writerow(["PROJECTS"])
    columns = election.project_columns or ["project_id", "cost", "name"]
    writer.writerow(columns)
    for project in election.projects.values():
        row = {**project.fields, "project_id": project.project_id, "cost": _number_text(project.cost)}
        if "name" in columns:
            row.setdefault("name", project.name)
        writer.writerow([row.get(c, "") for c in columns])
    writer.writerow(["VOTES"])
    columns = election.vote_columns or ["voter_id", "vote"] + (
        ["points"] if any(v.points is not None for v in election.votes) else []
    )
    writer.writerow(columns)
    for vote in election.votes:
        row = {**vote.fields, "voter_id": vote.voter_id, "vote": ",".join(vote.projects)}
        if vote.points is not None:
            row["points"] = ",".join(str(p) for p in vote.points)
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue()
