package uk.workforcewatch.gateway.census;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** What the census return says of its sender; every setting has a line in the README. */
@ConfigMapping(prefix = "census")
public interface CensusConfig {

    /** The council's three-digit local authority code; no return is produced without it. */
    Optional<String> laCode();

    /** The software the return says produced it. */
    @WithDefault("Workforce Watch")
    String softwareCode();
}
