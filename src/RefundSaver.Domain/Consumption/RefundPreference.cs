namespace RefundSaver.Domain.Consumption;

/// <summary>
/// The preference picked for one request (by the profile, a rule or the policy). Apple's V2
/// <c>refundPreference</c> is <c>DECLINE</c>, <c>GRANT_FULL</c> or <c>GRANT_PRORATED</c>, and
/// <see cref="NoPreference"/> leaves the field out; V1 codes are 1 grant, 2 decline, 3 no preference.
/// </summary>
public enum RefundPreference
{
    Grant,
    GrantProrated,
    Decline,
    NoPreference,
}
