import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { HallSchedule } from '../../contract/appointment-slots.ts'
import type { Booking, HomeServiceRequest } from '../../contract/appointments.ts'
import { ApiError } from '../api/client.ts'
import { fetchHallSchedule, fetchMyBooking, fetchMyBookings, fetchMyHomeServiceRequest, fetchMyHomeServiceRequests } from '../api/appointments.ts'
import { sortBookings } from '../components/appointment/booking-rules.ts'
import {
  forgetBooking,
  forgetHomeServiceRequest,
  readAppointmentCopy,
  storeAppointmentLists,
  storeBooking,
  storeHomeServiceRequest,
  type AppointmentCopy,
} from '../db/appointment-cache.ts'
import { useAppStore } from './app.ts'
import { useSessionStore } from './session.ts'

/**
 * loading: nothing to show yet; ready: shown (from the phone or the server);
 * unavailable: neither kept on the phone nor reachable; not-found: the server has no such booking of this citizen.
 */
export type AppointmentLoadStatus = 'loading' | 'ready' | 'unavailable' | 'not-found'

/** The citizen's bookings and 上门服务 requests: the copy on the phone first, then the server's. */
export const useAppointmentsStore = defineStore('appointments', () => {
  const app = useAppStore()
  const session = useSessionStore()

  const bookings = ref<Booking[]>([])
  const requests = ref<HomeServiceRequest[]>([])
  /** When the lists were last read from the server (ISO); null if never on this phone. */
  const listedAt = ref<string | null>(null)
  const listStatus = ref<AppointmentLoadStatus>('loading')
  /** The last refresh failed (offline or no answer): what shows is the copy kept on the phone. */
  const stale = ref(false)
  const refreshing = ref(false)
  /** Per booking or request id, when one was opened directly. */
  const itemStatus = ref<Record<string, AppointmentLoadStatus>>({})
  /** Halls' appointment schedules by hall id: null when the hall takes no appointments. */
  const schedules = ref<Record<string, HallSchedule | null>>({})
  let owner: string | null = null

  /** Upcoming bookings first (soonest first), then past and cancelled ones. */
  const sortedBookings = computed(() => sortBookings(bookings.value))

  function adopt(ownerId: string, copy: AppointmentCopy): void {
    if (owner !== ownerId) return
    bookings.value = copy.bookings
    requests.value = copy.requests
    if (copy.listedAt) listedAt.value = copy.listedAt
  }

  function switchOwner(ownerId: string): void {
    if (owner === ownerId) return
    owner = ownerId
    bookings.value = []
    requests.value = []
    listedAt.value = null
    listStatus.value = 'loading'
    itemStatus.value = {}
  }

  async function noteRefusal(error: unknown): Promise<void> {
    if (error instanceof ApiError && error.status === 401) await session.refresh()
  }

  /** Shows what the phone keeps at once (e.g. a write the outbox just sent), without asking the server. */
  async function showKept(ownerId: string): Promise<void> {
    switchOwner(ownerId)
    const copy = await readAppointmentCopy(ownerId)
    adopt(ownerId, copy)
    if (copy.listedAt || copy.bookings.length > 0 || copy.requests.length > 0) listStatus.value = 'ready'
  }

  /** 预约: the kept lists at once, then both lists from the server when online. */
  async function loadMine(ownerId: string): Promise<void> {
    await showKept(ownerId)
    if (!app.online) {
      stale.value = true
      if (listStatus.value === 'loading') listStatus.value = 'unavailable'
      return
    }
    refreshing.value = true
    try {
      const fetchedAt = new Date().toISOString()
      const [freshBookings, freshRequests] = await Promise.all([fetchMyBookings(), fetchMyHomeServiceRequests()])
      adopt(ownerId, await storeAppointmentLists(ownerId, freshBookings, freshRequests, fetchedAt))
      if (owner === ownerId) {
        listStatus.value = 'ready'
        stale.value = false
      }
    } catch (error) {
      await noteRefusal(error)
      stale.value = true
      if (listStatus.value === 'loading') listStatus.value = 'unavailable'
    } finally {
      refreshing.value = false
    }
  }

  async function loadOne(ownerId: string, id: string, kept: (copy: AppointmentCopy) => boolean, refresh: () => Promise<AppointmentCopy>, forget: () => Promise<AppointmentCopy>): Promise<void> {
    switchOwner(ownerId)
    const copy = await readAppointmentCopy(ownerId)
    adopt(ownerId, copy)
    const found = kept(copy)
    itemStatus.value[id] = found ? 'ready' : 'loading'
    if (!app.online) {
      stale.value = true
      if (!found) itemStatus.value[id] = 'unavailable'
      return
    }
    try {
      adopt(ownerId, await refresh())
      itemStatus.value[id] = 'ready'
    } catch (error) {
      await noteRefusal(error)
      if (error instanceof ApiError && error.status === 404) {
        adopt(ownerId, await forget())
        itemStatus.value[id] = 'not-found'
      } else {
        stale.value = true
        if (!found) itemStatus.value[id] = 'unavailable'
      }
    }
  }

  /** One booking: the kept copy at once, then the server's. */
  function loadBooking(ownerId: string, bookingId: string): Promise<void> {
    return loadOne(
      ownerId,
      bookingId,
      (copy) => copy.bookings.some((booking) => booking.id === bookingId),
      async () => storeBooking(ownerId, await fetchMyBooking(bookingId)),
      () => forgetBooking(ownerId, bookingId),
    )
  }

  /** One 上门服务 request: the kept copy at once, then the server's. */
  function loadRequest(ownerId: string, requestId: string): Promise<void> {
    return loadOne(
      ownerId,
      requestId,
      (copy) => copy.requests.some((request) => request.id === requestId),
      async () => storeHomeServiceRequest(ownerId, await fetchMyHomeServiceRequest(requestId)),
      () => forgetHomeServiceRequest(ownerId, requestId),
    )
  }

  const scheduleRequests = new Map<string, Promise<HallSchedule | null>>()
  /** A hall's appointment schedule, asked once per page load (null: no appointments there). */
  function loadSchedule(hallId: string): Promise<HallSchedule | null> {
    let request = scheduleRequests.get(hallId)
    if (!request) {
      request = fetchHallSchedule(hallId).then((schedule) => {
        schedules.value[hallId] = schedule
        return schedule
      })
      // A failed request (offline) is asked again next time.
      request.catch(() => scheduleRequests.delete(hallId))
      scheduleRequests.set(hallId, request)
    }
    return request
  }

  return {
    bookings,
    sortedBookings,
    requests,
    listedAt,
    listStatus,
    stale,
    refreshing,
    itemStatus,
    schedules,
    showKept,
    loadMine,
    loadBooking,
    loadRequest,
    loadSchedule,
  }
})
