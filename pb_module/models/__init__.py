from .ballot import Ballot, BallotItem, Channel, Receipt, VerificationChallenge
from .cycle import BallotType, CyclePhase, CycleScheduleChange, PBCyclePage, PBIndexPage, ScheduleChangeKind, TallyRule
from .implementation import ImplementationPhoto, Milestone, MonitoringReport, Rating, ResponsibleBody
from .meetings import (
    MeetingDocument,
    MeetingIndexPage,
    MeetingKind,
    MeetingPage,
    MeetingPhoto,
    MeetingProposal,
    Outcome,
    Registration,
)
from .overview import CouncilComposition, NationalOverviewPage
from .proposal import (
    ExpertReview,
    Proposal,
    ProposalAttachment,
    ProposalComment,
    ProposalFollower,
    ProposalPage,
    ProposalStatusChange,
    ProposalTag,
)
from .results import TallyResult
from .stories import ProgressStoryPage
from .territory import MrpRate, StaffTerritory, Territory

__all__ = [
    "MeetingIndexPage",
    "MeetingKind",
    "MeetingPage",
    "MeetingDocument",
    "MeetingPhoto",
    "MeetingProposal",
    "Outcome",
    "Registration",
    "Ballot",
    "BallotItem",
    "Channel",
    "Receipt",
    "VerificationChallenge",
    "BallotType",
    "CouncilComposition",
    "CyclePhase",
    "CycleScheduleChange",
    "ScheduleChangeKind",
    "ExpertReview",
    "ImplementationPhoto",
    "Milestone",
    "MonitoringReport",
    "Rating",
    "ResponsibleBody",
    "MrpRate",
    "NationalOverviewPage",
    "StaffTerritory",
    "PBCyclePage",
    "PBIndexPage",
    "ProgressStoryPage",
    "Proposal",
    "ProposalAttachment",
    "ProposalComment",
    "ProposalFollower",
    "ProposalPage",
    "ProposalStatusChange",
    "ProposalTag",
    "TallyResult",
    "TallyRule",
    "Territory",
]
