package uk.workforcewatch.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real single-node KRaft broker from Apache Kafka's own test kit. Clients reach it only through a
 * {@link TcpProxy} (the broker advertises the proxy's port), so a test can make Kafka unreachable and
 * bring it back without restarting anything.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final TcpProxy proxy;
    private final List<Runnable> folderCleanups;

    private EmbeddedKafka(KafkaClusterTestKit cluster, TcpProxy proxy, List<Runnable> folderCleanups) {
        this.cluster = cluster;
        this.proxy = proxy;
        this.folderCleanups = folderCleanups;
    }

    public static EmbeddedKafka start() {
        neverEndTheTestRun();
        // The test kit deletes its folders in shutdown hooks of its own, which the JVM would run
        // alongside ours while the broker is still closing: the broker would find its metadata
        // folder gone and halt. Keep them, and run them once the broker has stopped.
        List<Runnable> folderCleanups = new CopyOnWriteArrayList<>();
        Exit.setShutdownHookAdder((name, cleanup) -> folderCleanups.add(cleanup));
        int proxyPort = TcpProxy.freePort();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("advertised.listeners", "EXTERNAL://localhost:" + proxyPort)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .build();
            cluster.format();
            cluster.startup();
            String direct = cluster.bootstrapServers();
            int brokerPort = Integer.parseInt(direct.substring(direct.lastIndexOf(':') + 1));
            TcpProxy proxy = TcpProxy.start(proxyPort, brokerPort);
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster, proxy, folderCleanups);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Kafka broker did not start", e);
        } finally {
            Exit.resetShutdownHookAdder();
        }
    }

    /** A broker in trouble halts its JVM; inside a test run it must say so instead. */
    private static void neverEndTheTestRun() {
        Exit.setHaltProcedure((status, message) -> System.err.println(
                "The embedded Kafka broker asked to halt the JVM (" + status + "): " + message));
        Exit.setExitProcedure((status, message) -> System.err.println(
                "The embedded Kafka broker asked to exit the JVM (" + status + "): " + message));
    }

    /** The address clients use: the proxy in front of the broker. */
    public String bootstrapServers() {
        return "localhost:" + proxy.port();
    }

    /** Makes the broker unreachable for every client until {@link #reconnect()}. */
    public void disconnect() {
        proxy.cut();
    }

    public void reconnect() {
        proxy.restore();
    }

    @Override
    public void close() throws Exception {
        proxy.close();
        cluster.close();
        folderCleanups.forEach(Runnable::run);
    }
}
