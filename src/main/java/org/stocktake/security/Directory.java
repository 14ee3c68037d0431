package org.stocktake.security;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The engine's directory of people and organisations, which Camunda Admin manages. Addressees
 * and owners are organisations: groups of type {@value Roles#ORGANISATION_TYPE}, each with a short
 * id such as {@code home-office} or {@code lfb}.
 */
@Service
public class Directory {

    static final int MAX_RECIPIENTS = 500;

    /** An organisation's id: lower-case parts joined by hyphens, e.g. home-office. */
    public static final String ORGANISATION_ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    private final IdentityService identityService;

    Directory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean organisationExists(String groupId) {
        return unknownOrganisations(List.of(groupId)).isEmpty();
    }

    /** The ids among these that name no organisation, in the order given. */
    public List<String> unknownOrganisations(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        // filtered by type here: the LDAP identity provider ignores a query's group type
        Set<String> known = identityService.createGroupQuery()
                .groupIdIn(groupIds.toArray(String[]::new))
                .list().stream()
                .filter(group -> Roles.ORGANISATION_TYPE.equals(group.getType()))
                .map(Group::getId).collect(Collectors.toSet());
        return groupIds.stream().filter(id -> !known.contains(id)).toList();
    }

    /** The names of these organisations by id; an id the directory does not know stands for itself. */
    public Map<String, String> organisationNames(Collection<String> groupIds) {
        Map<String, String> names = new HashMap<>();
        groupIds.forEach(id -> names.put(id, id));
        if (!groupIds.isEmpty()) {
            identityService.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list().stream()
                    .filter(group -> group.getName() != null && !group.getName().isBlank())
                    .forEach(group -> names.put(group.getId(), group.getName()));
        }
        return names;
    }

    /** Every organisation, its id to its name, in order of name. */
    public Map<String, String> organisations() {
        // filtered by type here too: the LDAP identity provider ignores a query's group type
        return identityService.createGroupQuery().groupType(Roles.ORGANISATION_TYPE).list().stream()
                .filter(group -> Roles.ORGANISATION_TYPE.equals(group.getType()))
                .sorted(Comparator.comparing((Group group) -> nameOf(group), String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.toMap(Group::getId, Directory::nameOf, (first, second) -> first, LinkedHashMap::new));
    }

    /** An organisation's people (at most 500), their user ids to their full names, in order of name. */
    public Map<String, String> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).listPage(0, MAX_RECIPIENTS).stream()
                .sorted(Comparator.comparing(Directory::nameOf, String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.toMap(User::getId, Directory::nameOf, (first, second) -> first, LinkedHashMap::new));
    }

    private static String nameOf(Group group) {
        return group.getName() == null || group.getName().isBlank() ? group.getId() : group.getName();
    }

    private static String nameOf(User user) {
        String name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
        return name.isEmpty() ? user.getId() : name;
    }

    /** The e-mail addresses of a group's members who have one (at most 500: a group larger than that is no audience for mail). */
    public List<String> emailsOfGroup(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).listPage(0, MAX_RECIPIENTS).stream()
                .map(User::getEmail).filter(email -> email != null && !email.isBlank()).toList();
    }

    /** A user's e-mail address, if the user exists and has one. */
    public Optional<String> emailOf(String userId) {
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail).filter(email -> !email.isBlank());
    }

    public boolean isMember(String userId, String groupId) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    /** Whether people and organisations are managed elsewhere (LDAP) and cannot be created here. */
    public boolean isReadOnly() {
        return identityService.isReadOnly();
    }

    public void createOrganisation(String groupId, String name) {
        Group group = identityService.newGroup(groupId);
        group.setName(name);
        group.setType(Roles.ORGANISATION_TYPE);
        identityService.saveGroup(group);
    }

    /** Creates a user with a password who belongs to the given groups. */
    public void createUser(String userId, String firstName, String lastName, String email, String password, String... groupIds) {
        User user = identityService.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
        for (String groupId : groupIds) {
            identityService.createMembership(userId, groupId);
        }
    }

    public boolean userExists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }
}
