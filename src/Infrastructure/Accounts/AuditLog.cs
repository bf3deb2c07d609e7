using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Audit;
using Faultline.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Accounts;

internal sealed class AuditLog(CatalogDbContext db) : IAuditLog
{
    public void Add(AuditEntry entry) => db.AuditLog.Add(entry);

    public async Task<IReadOnlyList<AuditEntry>> PageAsync(Guid tenantId, (DateTimeOffset At, Guid Id)? before, int limit,
        CancellationToken cancellationToken)
    {
        // Keyset paging on the (tenant_id, at DESC, id DESC) index: every page costs the same.
        var query = before is { } position
            ? db.AuditLog.FromSql($"""
                SELECT * FROM catalog.audit_log
                WHERE tenant_id = {tenantId} AND (at, id) < ({position.At}, {position.Id})
                ORDER BY at DESC, id DESC LIMIT {limit}
                """)
            : db.AuditLog.FromSql($"SELECT * FROM catalog.audit_log WHERE tenant_id = {tenantId} ORDER BY at DESC, id DESC LIMIT {limit}");
        return await query.AsNoTracking().ToListAsync(cancellationToken);
    }
}
