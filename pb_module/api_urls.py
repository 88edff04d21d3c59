from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import api

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("cycles/", api.CycleList.as_view(), name="api-cycles"),
    path("cycles/<int:pk>/", api.CycleDetail.as_view(), name="api-cycle"),
    path("cycles/<int:pk>/proposals/", api.ProposalList.as_view(), name="api-cycle-proposals"),
    path("cycles/<int:pk>/ballot", api.BallotView.as_view(), name="api-ballot"),
    path("voting/verify/start", api.VerifyStart.as_view(), name="api-verify-start"),
    path("voting/verify/confirm", api.VerifyConfirm.as_view(), name="api-verify-confirm"),
    path("receipts/<str:code>", api.ReceiptDetail.as_view(), name="api-receipt"),
]
