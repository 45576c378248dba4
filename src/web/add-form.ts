import type { UseMutationResult } from '@tanstack/react-query';

/**
 * What an inline form needs from the mutation it sends: whether it is saving, its error, a submit that closes
 * the form once saved, and a cancel that forgets the error and closes it.
 */
export function mutationFormProps<TData, TError, TInput, TContext>(
  mutation: UseMutationResult<TData, TError, TInput, TContext>,
  close: () => void,
) {
  return {
    saving: mutation.isPending,
    error: mutation.error,
    onSubmit: (input: TInput) => mutation.mutate(input, { onSuccess: () => close() }),
    onCancel: () => {
      mutation.reset();
      close();
    },
  };
}
