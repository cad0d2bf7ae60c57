package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** A worker's caseload as caseload-service last published it. */
@Entity
@Table(name = "caseload_view")
public class CaseloadView extends PanacheEntityBase {

    @Id
    public UUID workerId;
    public UUID teamId;
    public int openCases;
    public int cpCases;
    /** The counts by category, as JSON. */
    public String byCategory;
    @Column(precision = 10, scale = 2)
    public BigDecimal weightedLoad;
    @Column(name = "case_limit")
    public int limit;
    public int cpLimit;
    @Column(precision = 10, scale = 2)
    public BigDecimal weightedLimit;
    public boolean weightsConfigured;
    /** The version of the event applied last. */
    public long version;

    public boolean overLimit() {
        return openCases > limit;
    }

    public boolean cpMixOverLimit() {
        return cpCases > cpLimit;
    }
}
