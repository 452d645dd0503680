using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.Purchases;

public static class PurchaseReportErrors
{
    public static Error NotFound { get; } =
        Error.NotFound("purchase_report_does_not_exist", "Nothing has been reported for this transaction.");
}
