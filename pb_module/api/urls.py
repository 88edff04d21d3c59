from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from pb_module.api import open_data
from pb_module.api import voting as api

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("cycles/", api.CycleList.as_view(), name="api-cycles"),
    path("cycles/<int:pk>/", api.CycleDetail.as_view(), name="api-cycle"),
    path("cycles/<int:pk>/proposals/", api.ProposalList.as_view(), name="api-cycle-proposals"),
    path("cycles/<int:pk>/ballot", api.BallotView.as_view(), name="api-ballot"),
    path("voting/verify/start", api.VerifyStart.as_view(), name="api-verify-start"),
    path("voting/verify/confirm", api.VerifyConfirm.as_view(), name="api-verify-confirm"),
    path("receipts/<str:code>", api.ReceiptDetail.as_view(), name="api-receipt"),
    # Open data, read-only: JSON, or CSV with ?format=csv.
    path("proposals/", open_data.ProposalsView.as_view(), name="api-proposals"),
    path("cycles/<int:pk>/results/", open_data.ResultsView.as_view(), name="api-cycle-results"),
    path("cycles/<int:pk>/analytics/", open_data.AnalyticsView.as_view(), name="api-cycle-analytics"),
    path("analytics/", open_data.ComparisonView.as_view(), name="api-analytics"),
    path("overview/", open_data.OverviewView.as_view(), name="api-overview"),
]
