import type { ReactNode } from 'react';
import { Modal } from './Modal';

type Props<T> = {
  /** What is being edited: an existing item, 'new' for one being added, or null when closed. */
  editing: T | 'new' | null;
  onClose: () => void;
  addTitle: string;
  editTitle: (item: T) => string;
  children: ReactNode;
};

/** The dialog that holds the form for adding an item to a list or editing one of it. */
export function EditorModal<T>({ editing, onClose, addTitle, editTitle, children }: Props<T>) {
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={editing === 'new' || editing === null ? addTitle : editTitle(editing)}
      size="lg"
    >
      {children}
    </Modal>
  );
}
