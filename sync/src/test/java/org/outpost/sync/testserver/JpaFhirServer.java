package org.outpost.sync.testserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.api.model.ExpungeOptions;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Opt-in ({@code -Doutpost.sync.testserver=jpa}): a real HAPI FHIR JPA server (R4, in-memory H2) served by Jetty on a random loopback port: what the sync tests
 * send to, so transactions, conditional updates and versioning behave as on a production HAPI server. Not the
 * default because it takes 20-30 s to start on the two-core CI box; see the sync module README.
 */
public final class JpaFhirServer implements FhirTestServer {
    private final AnnotationConfigApplicationContext spring;
    private final Server jetty;
    private final URI base;

    private JpaFhirServer(AnnotationConfigApplicationContext spring, Server jetty, URI base) {
        this.spring = spring;
        this.jetty = jetty;
        this.base = base;
    }

    public static JpaFhirServer start() throws Exception {
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(JpaServerConfig.class);
        FhirContext ctx = spring.getBean(FhirContext.class);
        RestfulServer fhir = new RestfulServer(ctx);
        fhir.registerProviders(spring.getBean(ResourceProviderFactory.class).createProviders());
        fhir.registerProvider(spring.getBean(JpaSystemProvider.class));
        fhir.setPagingProvider(spring.getBean(DatabaseBackedPagingProvider.class));

        Server jetty = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        handler.addServlet(new ServletHolder(fhir), "/fhir/*");
        jetty.setHandler(handler);
        jetty.start();
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        return new JpaFhirServer(spring, jetty, URI.create("http://127.0.0.1:" + port + "/fhir"));
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public String description() {
        return "HAPI FHIR JPA server 8.8.0 on in-memory H2";
    }

    /** Expunges every resource and its history, so each scenario starts from an empty server. */
    @Override
    @SuppressWarnings("unchecked")
    public void reset() {
        spring.getBean("mySystemDaoR4", IFhirSystemDao.class).expunge(new ExpungeOptions().setExpungeEverything(true), null);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        spring.close();
    }
}
