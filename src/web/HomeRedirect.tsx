import { Navigate } from 'react-router-dom';
import { homePath, useCurrentUser } from './session.ts';

/** "/" opens the user's own area. */
export function HomeRedirect() {
  return <Navigate to={homePath(useCurrentUser())} replace />;
}
