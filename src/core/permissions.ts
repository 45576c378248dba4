/** Rights tables: which roles may do what. Each feature declares its own; the two registries merge them. */
export type PermissionTable = Readonly<Record<string, readonly string[]>>;

/** The permission names of a list of manifests, as a type (from each manifest's `permissions`). */
export type PermissionsOf<M> = M extends { permissions: infer P } ? keyof P & string : never;

/** One checker over the merged tables; a name declared by two features is a mistake, refused at start. */
export function permissionChecker<P extends string>(tables: readonly (PermissionTable | undefined)[]) {
  const merged = new Map<string, readonly string[]>();
  for (const table of tables)
    for (const [name, roles] of Object.entries(table ?? {})) {
      if (merged.has(name)) throw new Error(`Permission ${name} is declared twice`);
      merged.set(name, roles);
    }
  return {
    names: [...merged.keys()] as P[],
    can: (role: string, permission: P): boolean => merged.get(permission)?.includes(role) ?? false,
  };
}
