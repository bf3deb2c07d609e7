using Faultline.Domain.Accounts;
using Faultline.Domain.ApiKeys;
using Faultline.Domain.Audit;

namespace Faultline.Application.Common.Interfaces;

// The catalog's accounts data. Adds are tracked and written by IUnitOfWork.SaveChangesAsync, so
// everything one use case changes lands in one transaction or not at all.

public interface IUserRepository
{
    Task<User?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(EmailAddress email, CancellationToken cancellationToken);

    void Add(User user);
}

public sealed record MemberSummary(Guid UserId, string Email, Domain.Authorization.Role Role, DateTimeOffset JoinedAt);

public sealed record TenantMembershipSummary(Guid TenantId, string TenantKey, string TenantName, Domain.Authorization.Role Role);

public interface IMembershipRepository
{
    Task<Membership?> FindAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberSummary>> ListForTenantAsync(Guid tenantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TenantMembershipSummary>> ListForUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// The tenant's owners, locked until the transaction ends; only inside <see cref="IUnitOfWork.InTransactionAsync{T}"/>
    /// (it throws outside one), so the check and the change it guards commit together.
    /// </summary>
    Task<int> CountOwnersAsync(Guid tenantId, CancellationToken cancellationToken);

    void Add(Membership membership);

    void Remove(Membership membership);
}

public interface IInvitationRepository
{
    Task<Invitation?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken);

    Task<Invitation?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<Invitation>> ListPendingAsync(Guid tenantId, DateTimeOffset now, CancellationToken cancellationToken);

    void Add(Invitation invitation);

    void Remove(Invitation invitation);
}

public interface IPasswordResetRepository
{
    Task<PasswordReset?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    void Add(PasswordReset reset);
}

public interface IApiKeyRepository
{
    Task<ApiKey?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken);

    Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(Guid tenantId, CancellationToken cancellationToken);

    void Add(ApiKey key);
}

public interface IAuditLog
{
    void Add(AuditEntry entry);

    /// <summary>Newest first; <paramref name="before"/> is the (at, id) of the last entry of the previous page.</summary>
    Task<IReadOnlyList<AuditEntry>> PageAsync(Guid tenantId, (DateTimeOffset At, Guid Id)? before, int limit, CancellationToken cancellationToken);
}

public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one database transaction, committed only if it returns.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
