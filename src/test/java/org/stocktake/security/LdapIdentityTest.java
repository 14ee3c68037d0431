package org.stocktake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stocktake.support.OwnEngine;
import org.stocktake.support.HttpActor;

/**
 * The {@code ldap} profile against an in-process LDAP server (UnboundID) holding people, role
 * groups and organisations: people sign in with their directory passwords, groups of type
 * organisation are addressees, the others are roles, and the directory's administrators group
 * administers the engine.
 */
@OwnEngine
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ldap"})
class LdapIdentityTest {

    static final String BASE_DN = "dc=stocktake,dc=example";
    static final String MANAGER_DN = "cn=manager," + BASE_DN;
    static final InMemoryDirectoryServer DIRECTORY = startDirectory();

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void ldap(DynamicPropertyRegistry registry) {
        registry.add("stocktake.ldap.server-url", () -> "ldap://localhost:" + DIRECTORY.getListenPort());
        registry.add("stocktake.ldap.base-dn", () -> BASE_DN);
        registry.add("stocktake.ldap.manager-dn", () -> MANAGER_DN);
        registry.add("stocktake.ldap.manager-password", () -> "manager-secret");
    }

    @Test
    void peopleSignInWithTheirDirectoryPasswordAndTheirGroupsAreTheirRoles() {
        HttpActor secretariat = HttpActor.as(http, "ldap-sec", "Ldap-Secret-1");

        assertThat(secretariat.getText("/api/reviews", MediaType.APPLICATION_JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(HttpActor.as(http, "ldap-mps-lead", "not-the-password").getText("/api/reviews", MediaType.APPLICATION_JSON)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(secretariat.post("/api/reviews", Map.of("code", "LDAP-2026", "title", "Directory review", "kind", "REVIEW"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(HttpActor.as(http, "ldap-lfb-lead", "Ldap-Secret-3")
                .post("/api/reviews", Map.of("code", "LDAP-LFB-2026", "title", "Not allowed", "kind", "REVIEW"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void directoryGroupsOfTypeOrganisationAreAddresseesAndSeeOnlyTheirOwn() {
        HttpActor secretariat = HttpActor.as(http, "ldap-sec", "Ldap-Secret-1");
        HttpActor fireBrigade = HttpActor.as(http, "ldap-lfb-lead", "Ldap-Secret-3");
        HttpActor police = HttpActor.as(http, "ldap-mps-lead", "Ldap-Secret-4");
        secretariat.post("/api/reviews", Map.of("code", "LDAP-ORGS-2026", "title", "Organisations", "kind", "REVIEW"));

        assertThat(secretariat.post("/api/reviews/LDAP-ORGS-2026/recommendations",
                Map.of("reference", "1", "text", "Train the crews.", "addressees", List.of("lfb"))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(secretariat.post("/api/reviews/LDAP-ORGS-2026/recommendations",
                Map.of("reference", "2", "text", "A role is not an addressee.", "addressees", List.of("secretariat"))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(fireBrigade.tasks("LDAP-ORGS-2026/1")).extracting(task -> task.get("taskDefinitionKey")).containsExactly("Task_RecordResponse");
        assertThat(police.tasks("LDAP-ORGS-2026/1")).isEmpty();
        assertThat(fireBrigade.getList("/api/recommendations?review=LDAP-ORGS-2026")).hasSize(1);
        assertThat(police.getList("/api/recommendations?review=LDAP-ORGS-2026")).isEmpty();
        String taskId = (String) fireBrigade.tasks("LDAP-ORGS-2026/1").get(0).get("id");
        assertThat(fireBrigade.submitForm(taskId, Map.of("decision", "ACCEPTED")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theDirectorysAdministratorsGroupAdministersTheEngine() {
        HttpActor administrator = HttpActor.as(http, "ldap-admin", "Ldap-Secret-5");

        assertThat(administrator.getList("/engine-rest/group?maxResults=" + HttpActor.PAGE)).extracting(group -> group.get("id"))
                .contains("lfb", "mps", "secretariat", "camunda-admin");
        assertThat(administrator.getList("/engine-rest/group?maxResults=" + HttpActor.PAGE + "&id=lfb"))
                .singleElement().satisfies(group -> assertThat(group).containsEntry("type", "organisation"));
        assertThat(HttpActor.as(http, "ldap-sec", "Ldap-Secret-1").getList("/engine-rest/authorization?maxResults=" + HttpActor.PAGE))
                .as("authorizations are for administrators").isEmpty();
    }

    @Test
    void anImportCannotCreateOrganisationsInTheDirectory() {
        byte[] file = "review_code,review_title,number,text,addressees\nLDAP-IMPORT-2026,Import,1,Text.,nowhere-council\n".getBytes();

        var refused = HttpActor.as(http, "ldap-sec", "Ldap-Secret-1")
                .postFile("/api/imports?createOrganisations=true", file, MediaType.parseMediaType("text/csv"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("nowhere-council", "LDAP directory");
    }

    private static InMemoryDirectoryServer startDirectory() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.addAdditionalBindCredentials(MANAGER_DN, "manager-secret");
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.importFromLDIF(true, new ClassPathResource("ldap/stocktake.ldif").getFile());
            server.startListening();
            return server;
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException("Cannot start the test LDAP server", e);
        }
    }
}
