"use client";

import { useTranslations } from "next-intl";
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { closestCenter, DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { restrictToVerticalAxis, restrictToWindowEdges } from "@dnd-kit/modifiers";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { RichText } from "@/components/shared/RichText";
import { optionStyle } from "@/components/shared/option-styles";
import { ArrowDownIcon, ArrowUpIcon, GripIcon } from "./answer-icons";
import { submitButtonClass } from "./answer-styles";
import { describeOrderChange, moveBy, moveItem, moveToEnd, tapItem, type TapOutcome } from "./ordering";

export interface OrderingItem {
  id: string;
  /** Sanitised HTML from the server's quizdown parser (as `OptionView.html`), rendered with RichText. */
  html: string;
}

export interface OrderingAnswerProps {
  /** In the (shuffled) order the phone shows them first. */
  items: OrderingItem[];
  disabled?: boolean;
  /** The answer is on its way: everything is disabled and the button says so. */
  sending?: boolean;
  onSubmit(order: string[]): void;
}

type FocusTarget = { id: string; control: "item" | "up" | "down" };

// dnd-kit's own live region stays quiet: every change is announced once, in our words, below.
const silentDragAnnouncements: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};
// The held item is drawn in an overlay above the page, up and down only: moving the row itself inside the
// scrolling list would grow the list, and holding it at the edge would scroll into empty space forever.
const overlayModifiers = [restrictToVerticalAxis, restrictToWindowEdges];

/**
 * Puts items in order three ways: drag by the grip (mouse, touch, pen), tap two items to swap them,
 * or focus an item and press ↑/↓ (Home/End), or pick it and use its Move up/Move down buttons.
 * Every change is announced to screen readers. Mount it once per question and keep it mounted while
 * sending, so a refused answer keeps the player's order.
 */
export function OrderingAnswer({ items, disabled = false, sending = false, onSubmit }: OrderingAnswerProps) {
  const t = useTranslations("player.ordering");
  const sendingText = useTranslations("player.answering")("sending");
  const say = useTranslations("player.ordering.announce");
  const [order, setOrder] = useState(() => items.map((item) => item.id));
  const [picked, setPicked] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState<{ id: string; overId: string | null } | null>(null);
  const blocked = disabled || sending;
  const contextId = useId();
  const instructionsId = `${contextId}-instructions`;

  const itemButtons = useRef(new Map<string, HTMLButtonElement>());
  const itemTexts = useRef(new Map<string, HTMLElement>());
  const moveUpButton = useRef<HTMLButtonElement>(null);
  const moveDownButton = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);

  // A moved element can lose focus when the browser re-inserts it: put focus back where the player was.
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const element =
      target.control === "item" ? itemButtons.current.get(target.id) : target.control === "up" ? moveUpButton.current : moveDownButton.current;
    element?.focus();
  }, [order, picked]);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const byId = new Map(items.map((item, index) => [item.id, { item, index }]));
  // While an item is held, the numbers already show where everything lands if it is let go there.
  const landing = dragging?.overId ? moveItem(order, order.indexOf(dragging.id), order.indexOf(dragging.overId)) : order;
  const label = (id: string) => itemTexts.current.get(id)?.textContent?.trim() || say("item", { number: order.indexOf(id) + 1 });
  const announce = (next: string[], outcome: TapOutcome | { kind: "moved"; id: string }) => setAnnouncement(describeOrderChange(next, outcome, label, say));

  const move = (id: string, to: "up" | "down" | "first" | "last", focus: FocusTarget["control"]) => {
    if (blocked) return;
    const next = to === "up" || to === "down" ? moveBy(order, id, to === "up" ? -1 : 1) : moveToEnd(order, id, to);
    if (next.every((value, index) => value === order[index])) {
      setAnnouncement(say(order.indexOf(id) === 0 ? "alreadyFirst" : "alreadyLast", { item: label(id) }));
      return;
    }
    pendingFocus.current = { id, control: focus };
    setOrder(next);
    announce(next, { kind: "moved", id });
  };

  const onTap = (id: string) => {
    if (blocked) return;
    const { state, outcome } = tapItem({ order, picked }, id);
    pendingFocus.current = { id, control: "item" };
    setOrder(state.order);
    setPicked(state.picked);
    announce(state.order, outcome);
  };

  const onItemKey = (event: KeyboardEvent<HTMLButtonElement>, id: string) => {
    const to = ({ ArrowUp: "up", ArrowDown: "down", Home: "first", End: "last" } as const)[event.key as "ArrowUp"];
    if (!to) return;
    event.preventDefault();
    move(id, to, "item");
  };

  // Escape puts the picked item back, from its row or from its move buttons.
  const onListKey = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== "Escape" || picked === null) return;
    event.preventDefault();
    pendingFocus.current = { id: picked, control: "item" };
    setPicked(null);
    setAnnouncement(describeOrderChange(order, { kind: "dropped", id: picked }, label, say));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    if (blocked || !over || active.id === over.id) return;
    const id = String(active.id);
    const next = moveItem(order, order.indexOf(id), order.indexOf(String(over.id)));
    setOrder(next);
    setPicked(null);
    announce(next, { kind: "moved", id });
  };

  return (
    <div data-testid="ordering-answer" className="flex min-h-0 flex-1 flex-col gap-2">
      <p id={instructionsId} className="px-1 text-sm font-semibold text-amber-200">
        {t.rich("instructions", { grip: () => <GripIcon className="inline size-4 align-text-bottom" /> })}
        <span className="sr-only pointer-fine:not-sr-only"> {t("keyboard")}</span>
      </p>
      <p role="status" aria-live="polite" aria-atomic className="sr-only" data-testid="ordering-announcement">
        {announcement}
      </p>
      <DndContext
        id={contextId}
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragStart={({ active }) => {
          setPicked(null);
          setDragging({ id: String(active.id), overId: null });
        }}
        onDragOver={({ active, over }) => setDragging({ id: String(active.id), overId: over ? String(over.id) : null })}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{ announcements: silentDragAnnouncements, screenReaderInstructions: { draggable: "" } }}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy} disabled={blocked}>
          <ol data-testid="ordering-list" aria-label={t("listLabel")} onKeyDown={onListKey} className="-m-1 flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto p-1 select-none [-webkit-touch-callout:none]">
            {order.map((id) => {
              const entry = byId.get(id);
              if (!entry) return null;
              return (
                <SortableRow
                  key={id}
                  item={entry.item}
                  colourIndex={entry.index}
                  position={landing.indexOf(id)}
                  count={order.length}
                  picked={picked === id}
                  blocked={blocked}
                  describedBy={instructionsId}
                  buttonRef={(element) => void (element ? itemButtons.current.set(id, element) : itemButtons.current.delete(id))}
                  textRef={(element) => void (element ? itemTexts.current.set(id, element) : itemTexts.current.delete(id))}
                  moveUpRef={moveUpButton}
                  moveDownRef={moveDownButton}
                  onTap={() => onTap(id)}
                  onKeyDown={(event) => onItemKey(event, id)}
                  onMove={(direction) => move(id, direction, direction)}
                />
              );
            })}
          </ol>
        </SortableContext>
        <DragOverlay modifiers={overlayModifiers}>
          {dragging !== null && byId.has(dragging.id) && (
            <HeldRow item={byId.get(dragging.id)!.item} colourIndex={byId.get(dragging.id)!.index} position={landing.indexOf(dragging.id)} />
          )}
        </DragOverlay>
      </DndContext>
      <button type="button" data-testid="answer-submit" disabled={blocked} onClick={() => onSubmit(order)} className={submitButtonClass}>
        {sending ? sendingText : t("submit")}
      </button>
    </div>
  );
}

interface SortableRowProps {
  item: OrderingItem;
  colourIndex: number;
  position: number;
  count: number;
  picked: boolean;
  blocked: boolean;
  describedBy: string;
  buttonRef(element: HTMLButtonElement | null): void;
  textRef(element: HTMLElement | null): void;
  moveUpRef: RefObject<HTMLButtonElement | null>;
  moveDownRef: RefObject<HTMLButtonElement | null>;
  onTap(): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void;
  onMove(direction: "up" | "down"): void;
}

function SortableRow(props: SortableRowProps) {
  const { item, colourIndex, position, count, picked, blocked } = props;
  const t = useTranslations("player.ordering");
  const { setNodeRef, setActivatorNodeRef, listeners, transform, transition, isDragging } = useSortable({ id: item.id, disabled: blocked });
  const style = optionStyle(colourIndex);
  const first = position === 0;
  const last = position === count - 1;
  const moveButtonClass =
    "flex size-11 shrink-0 items-center justify-center rounded-lg bg-white text-indigo-950 shadow aria-disabled:opacity-40 touch-manipulation";

  return (
    <li
      ref={setNodeRef}
      data-testid={`ordering-item-${item.id}`}
      data-position={position + 1}
      className={`relative flex shrink-0 items-stretch rounded-xl shadow-md ${isDragging ? "opacity-30" : ""} ${
        picked ? "ring-4 ring-white ring-offset-2 ring-offset-stage" : ""
      } ${blocked ? "opacity-70" : ""}`}
      style={{ transform: CSS.Translate.toString(transform), transition, background: style.background, color: style.text }}
    >
      <button
        ref={props.buttonRef}
        type="button"
        aria-pressed={picked}
        aria-describedby={props.describedBy}
        disabled={blocked}
        onClick={props.onTap}
        onKeyDown={props.onKeyDown}
        className="flex min-h-14 min-w-0 flex-1 touch-manipulation items-center gap-2.5 rounded-xl py-2 ps-2 text-start focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-amber-300"
      >
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-black/20 text-lg font-black tabular-nums">
          {position + 1}
        </span>
        <span className="sr-only">{`${t("position", { position: position + 1, count })} `}</span>
        <span ref={props.textRef} className="min-w-0">
          <RichText phone as="span" html={item.html} className="line-clamp-3 text-base leading-tight font-bold break-words" />
        </span>
      </button>
      {picked && (
        <span className="flex shrink-0 items-center gap-1.5 ps-1">
          <button
            ref={props.moveUpRef}
            type="button"
            data-testid="ordering-move-up"
            aria-label={t("moveUp")}
            aria-disabled={first || blocked}
            onClick={() => props.onMove("up")}
            className={moveButtonClass}
          >
            <ArrowUpIcon className="size-6" />
          </button>
          <button
            ref={props.moveDownRef}
            type="button"
            data-testid="ordering-move-down"
            aria-label={t("moveDown")}
            aria-disabled={last || blocked}
            onClick={() => props.onMove("down")}
            className={moveButtonClass}
          >
            <ArrowDownIcon className="size-6" />
          </button>
        </span>
      )}
      {/* Pointer-only handle: keyboard and screen-reader users reorder with the item button and the move buttons. */}
      <span
        ref={setActivatorNodeRef}
        {...listeners}
        aria-hidden
        data-testid={`ordering-handle-${item.id}`}
        className={`flex w-12 shrink-0 touch-none items-center justify-center ${blocked ? "" : "cursor-grab active:cursor-grabbing"}`}
      >
        <GripIcon className="size-7 opacity-80" />
      </span>
    </li>
  );
}

/** What follows the finger while an item is held: a copy of its row, lifted. */
function HeldRow({ item, colourIndex, position }: { item: OrderingItem; colourIndex: number; position: number }) {
  const style = optionStyle(colourIndex);
  return (
    <div
      aria-hidden
      className="flex min-h-14 scale-[1.03] cursor-grabbing items-center gap-2.5 rounded-xl py-2 ps-2 shadow-2xl ring-4 ring-white"
      style={{ background: style.background, color: style.text }}
    >
      <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-black/20 text-lg font-black tabular-nums">{position + 1}</span>
      <RichText phone as="span" html={item.html} className="line-clamp-3 min-w-0 flex-1 text-base leading-tight font-bold break-words" />
      <span className="flex w-12 shrink-0 items-center justify-center">
        <GripIcon className="size-7 opacity-80" />
      </span>
    </div>
  );
}
